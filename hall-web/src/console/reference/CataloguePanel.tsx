/** 事项目录: the version in use and a newer version uploaded as a JSON file, checked before any window gets it. */
import { useState, type ChangeEvent } from 'react';
import type { ApiError } from '../../../../shared/result';
import { TableHead } from '../../../../renderer/src/TableHead';
import { ErrorBanner, hallTimeShort } from '../../ui';
import { useLoad, useSaver } from './useConsole';

const NOT_JSON: ApiError = { code: 'VALIDATION', message: '所选文件不是有效的 JSON 目录文件，请选择事项目录导出的 .json 文件' };

export function CataloguePanel() {
  const loaded = useLoad('catalogue', {});
  const saver = useSaver();
  const [fileError, setFileError] = useState<ApiError | null>(null);

  const choose = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (!file) return;
    let catalogue: unknown;
    try {
      catalogue = JSON.parse(await file.text());
    } catch {
      return setFileError(NOT_JSON);
    }
    setFileError(null);
    await saver.save('catalogueUpload', { catalogue }, loaded.set, `${file.name} 已发布，各窗口将自动更新`);
  };
  const error = fileError ?? loaded.error ?? saver.error;
  const problems = error?.fields?.catalogue?.split('\n') ?? [];
  const current = loaded.value?.current ?? null;

  return (
    <section className="card" aria-labelledby="catalogue-title">
      <div className="card-head">
        <h2 id="catalogue-title">事项目录</h2>
        <label className="button-like primary">
          上传新版本（JSON）
          <input type="file" accept=".json,application/json" className="visually-hidden" onChange={(e) => void choose(e)} disabled={saver.busy} />
        </label>
      </div>
      <p data-testid="catalogue-current">
        {current === null ? (
          <span className="muted">大厅尚未发布事项目录，各窗口使用自己的目录。</span>
        ) : (
          <>
            正在使用：<strong>版本 {current.version}</strong>（发布日期 {current.issuedAt}，{current.items} 个事项）
          </>
        )}
      </p>
      <ErrorBanner error={error} />
      {problems.length > 1 && (
        <ul className="console-problems">
          {problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      )}
      {saver.note && <div className="banner banner-ok">{saver.note}</div>}
      {(loaded.value?.versions.length ?? 0) > 0 && (
        <table className="table compact">
          <TableHead columns={['版本', '发布日期', '事项数', '上传时间']} />
          <tbody>
            {loaded.value?.versions.map((v) => (
              <tr key={v.version}>
                <td>{v.version}</td>
                <td>{v.issuedAt}</td>
                <td>{v.items}</td>
                <td>{hallTimeShort(v.updatedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p className="muted console-hint">新版本的版本号须高于正在使用的版本；各窗口下次同步时启用最新版本。</p>
    </section>
  );
}
