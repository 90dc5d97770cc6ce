/** Supervisor: the service catalogue in use, its items, and importing a newer version (JSON file). */
import { hallDateTimeSeconds } from '../../../shared/domain/hall-time';
import { useState, type ChangeEvent } from 'react';
import { MAX_CATALOGUE_BYTES, type CatalogueVersionView } from '../../../shared/api/reference';
import type { Catalogue } from '../../../shared/catalogue/schema';
import type { ApiError } from '../../../shared/result';
import type { RendererApi } from '../api';
import { QueryError, QueryPending } from '../QueryError';
import { ErrorBanner, Notice, useAction } from '../ui';
import { useQuery } from '../useQuery';
import { CatalogueItemsTable, CatalogueVersionsTable } from './CatalogueTables';

/** Every problem of a refused file: the import puts them in fields as problem.1, problem.2 … */
function problemsOf(error: ApiError | null): string[] {
  if (!error?.fields) return [];
  return Object.entries(error.fields)
    .filter(([key]) => /^problem\.\d+$/.test(key))
    .sort(([a], [b]) => Number(a.slice(8)) - Number(b.slice(8)))
    .map(([, text]) => text);
}

export function CatalogueAdmin({ api }: { api: RendererApi }) {
  const [notice, setNotice] = useState<string | null>(null);
  const [fileName, setFileName] = useState('');
  const { run, error, busy, setError, clear } = useAction(api);

  const currentQuery = useQuery(api, 'catalogue.get', {});
  const versionsQuery = useQuery(api, 'catalogue.versions', {});
  const catalogue: Catalogue | null = currentQuery.data ?? null;
  const versions: CatalogueVersionView[] = versionsQuery.data ?? [];
  const reload = async () => {
    await Promise.all([currentQuery.reload(), versionsQuery.reload()]);
  };

  const importFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const input = event.target;
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    setNotice(null);
    clear();
    setFileName(file.name);
    if (file.size > MAX_CATALOGUE_BYTES) {
      setError({ code: 'VALIDATION', message: `文件 ${file.name} 超过 2 MB，不是事项目录文件，未导入` });
      return;
    }
    const result = await run('catalogue.import', { content: await file.text() });
    if (result) {
      setNotice(`已导入 ${result.version} 版事项目录，共 ${result.items} 个事项；各窗口下次接待时即按新目录告知和受理。`);
      await reload();
    }
  };

  const problems = problemsOf(error);
  const active = versions.find((v) => v.active);

  return (
    <div className="panel reference-panel">
      <section className="card">
        <div className="card-head">
          <h2>事项目录</h2>
          <label className={`primary file-button${busy ? ' disabled' : ''}`}>
            导入新版目录…
            <input type="file" accept=".json,application/json" disabled={busy} onChange={(e) => void importFile(e)} aria-label="选择事项目录 JSON 文件" />
          </label>
        </div>
        {catalogue ? (
          <p className="catalogue-current" data-testid="catalogue-version">
            正在使用 <strong>{catalogue.version}</strong> 版（发布日期 {catalogue.issuedAt}，共 {catalogue.items.length} 个事项）
            {active ? (active.builtIn ? '，随软件提供' : `，${active.importedBy ?? ''} 于 ${hallDateTimeSeconds(active.importedAt)} 导入`) : null}
          </p>
        ) : (
          <QueryPending query={currentQuery} what="事项目录" />
        )}
        <QueryError query={versionsQuery} what="目录版本记录" />
        <p className="muted">
          导入的文件须为 UTF-8 编码的 JSON，版本号必须高于正在使用的版本。文件有问题时不会导入，下方会列出全部问题及位置，改正后重新导入即可。
        </p>
        {busy ? <Notice>正在检查 {fileName}…</Notice> : null}
        {notice ? <Notice>{notice}</Notice> : null}
        <ErrorBanner error={error} />
        {problems.length > 0 ? (
          <div className="problem-list" data-testid="catalogue-problems">
            <h3>
              {fileName} 的全部问题（{problems.length} 处）
            </h3>
            <ol>
              {problems.map((p, i) => (
                <li key={i}>{p}</li>
              ))}
            </ol>
          </div>
        ) : null}
      </section>

      {catalogue ? <CatalogueItemsTable catalogue={catalogue} /> : null}
      {versions.length > 0 ? <CatalogueVersionsTable versions={versions} /> : null}
    </div>
  );
}
