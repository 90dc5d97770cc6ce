/**
 * The service catalogue in use at this window. The catalogue shipped with
 * the app (shared/catalogue/default-catalogue.json) is active until a
 * supervisor imports a newer version; imports are kept in catalogue_version
 * (one row active). Whichever of the shipped and the imported active
 * catalogue has the higher version is used, so an app update that ships a
 * newer default takes over from an older import.
 */
import { createHash } from 'node:crypto';
import type { CatalogueVersionView, ReferenceRequest, ReferenceResponse } from '../../../shared/api/reference';
import defaultCatalogueJson from '../../../shared/catalogue/default-catalogue.json';
import { compareCatalogueVersions, parseCatalogueText, validateCatalogue, type Catalogue } from '../../../shared/catalogue/schema';
import { CounterError } from '../../../shared/result';
import { actorOf, type CallContext, type CoreContext } from '../core/context';
import type { Db } from '../db/connection';
import { recordChange, type Origin } from '../db/ledger';
import { newId } from '../core/ids';
import { activeVersionRows, deactivateVersion, insertActiveVersion, versionById, versionRows, type VersionRow } from './catalogue-repo';

/** Problems shown in the error message itself; all of them go in `fields`. */
const PROBLEMS_IN_MESSAGE = 5;

let builtIn: Catalogue | null = null;

/** The catalogue shipped with the app; a broken file is a build error, caught by the tests. */
export function builtInCatalogue(): Catalogue {
  if (!builtIn) {
    const check = validateCatalogue(defaultCatalogueJson);
    if (!check.ok) throw new Error(`the shipped catalogue is invalid: ${check.problems.join('; ')}`);
    builtIn = check.catalogue;
  }
  return builtIn;
}

interface Active {
  catalogue: Catalogue;
  /** The imported row in use, or null when the shipped catalogue is. */
  row: VersionRow | null;
}

const cache = new WeakMap<Db, Active>();

function parseStored(row: VersionRow): Catalogue | null {
  try {
    const check = validateCatalogue(JSON.parse(row.content));
    if (check.ok) return check.catalogue;
    console.error(`[catalogue] stored version ${row.version} (${row.id}) no longer validates`, check.problems.slice(0, 5));
  } catch (error) {
    console.error(`[catalogue] stored version ${row.version} (${row.id}) is not JSON`, error);
  }
  return null;
}

function computeActive(db: Db): Active {
  const shipped = builtInCatalogue();
  const row = activeVersionRows(db)[0];
  const imported = row ? parseStored(row) : null;
  if (row && imported && compareCatalogueVersions(imported.version, shipped.version) >= 0) return { catalogue: imported, row };
  return { catalogue: shipped, row: null };
}

/** The catalogue in use (cached; an import replaces it). */
export function activeCatalogue(ctx: CoreContext): Catalogue {
  let active = cache.get(ctx.db);
  if (!active) {
    active = computeActive(ctx.db);
    cache.set(ctx.db, active);
  }
  return active.catalogue;
}

function importedBy(row: VersionRow): string | null {
  if (row.imported_by_name !== null) return `${row.imported_by_name}（${row.imported_by_no ?? ''}）`;
  return row.imported_by;
}

/** The record as the hall server stores it. */
function versionPayload(row: VersionRow, catalogue: Catalogue | null): Record<string, unknown> {
  return {
    id: row.id,
    version: row.version,
    issuedAt: catalogue?.issuedAt ?? null,
    items: catalogue?.items.length ?? null,
    content: row.content,
    importedBy: row.imported_by,
    active: row.active === 1,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function nextVersionHint(version: string): string {
  const parts = version.split('.');
  const last = Number(parts.pop() ?? '0');
  return [...parts, String(last + 1)].join('.');
}

export function importCatalogue(ctx: CoreContext, call: CallContext, req: ReferenceRequest<'catalogue.import'>): ReferenceResponse<'catalogue.import'> {
  const check = parseCatalogueText(req.content);
  if (!check.ok) {
    const { problems } = check;
    const shown = problems.slice(0, PROBLEMS_IN_MESSAGE).join('；');
    const more = problems.length > PROBLEMS_IN_MESSAGE ? `（另有 ${problems.length - PROBLEMS_IN_MESSAGE} 处，见问题列表）` : '';
    const fields = Object.fromEntries(problems.map((p, i) => [`problem.${i + 1}`, p]));
    throw new CounterError('VALIDATION', `目录文件有 ${problems.length} 处问题，未导入：${shown}${more}`, fields);
  }
  const catalogue = check.catalogue;
  const content = JSON.stringify(catalogue);
  const sha256 = createHash('sha256').update(req.content, 'utf8').digest('hex');
  const current = computeActive(ctx.db);
  if (compareCatalogueVersions(catalogue.version, current.catalogue.version) <= 0) {
    throw new CounterError(
      'CONFLICT',
      `目录版本 ${catalogue.version} 不高于正在使用的版本 ${current.catalogue.version}，未导入；请确认文件是否为新版，并把版本号改为更高的值（如 ${nextVersionHint(current.catalogue.version)}）后再导入`,
      { version: '版本号必须高于正在使用的版本' },
    );
  }
  const at = ctx.clock.now().toISOString();
  const origin = ctx.origin();
  const actor = actorOf(call);
  for (const old of activeVersionRows(ctx.db)) {
    deactivateVersion(ctx.db, old.id, at);
    recordChange(ctx.db, origin, actor, at, {
      action: 'catalogue.import',
      entity: 'catalogue_version',
      entityId: old.id,
      op: 'update',
      payload: versionPayload({ ...old, active: 0, updated_at: at }, parseStored(old)),
      detail: { replacedBy: catalogue.version },
    });
  }
  const id = newId();
  insertActiveVersion(ctx.db, origin, { id, version: catalogue.version, content, importedBy: actor.id, at });
  const row = versionById(ctx.db, id);
  if (!row) throw new Error('catalogue version vanished inside its transaction');
  recordChange(ctx.db, origin, actor, at, {
    action: 'catalogue.import',
    entity: 'catalogue_version',
    entityId: id,
    op: 'insert',
    payload: versionPayload(row, catalogue),
    detail: { previousVersion: current.catalogue.version, fileSha256: sha256, fileBytes: Buffer.byteLength(req.content, 'utf8') },
  });
  // the catalogue in use is read again, also if the write rolls back
  cache.delete(ctx.db);
  ctx.afterWrite({ rolledBack: () => cache.delete(ctx.db) });
  return { version: catalogue.version, items: catalogue.items.length };
}

/**
 * A catalogue version the hall issued (pulled, outside any request): used
 * when newer than the one in use, kept out otherwise. True when adopted.
 */
export function adoptHallCatalogue(db: Db, origin: Origin, catalogue: Catalogue, at: string): boolean {
  if (compareCatalogueVersions(catalogue.version, computeActive(db).catalogue.version) <= 0) return false;
  for (const old of activeVersionRows(db)) deactivateVersion(db, old.id, at);
  insertActiveVersion(db, origin, { id: newId(), version: catalogue.version, content: JSON.stringify(catalogue), importedBy: null, at });
  cache.delete(db);
  return true;
}

/** The shipped catalogue and every imported version, newest first, with the one in use marked. */
export function catalogueVersions(ctx: CoreContext): CatalogueVersionView[] {
  const active = computeActive(ctx.db);
  const shipped = builtInCatalogue();
  const rows = versionRows(ctx.db);
  const views: CatalogueVersionView[] = rows.map((row) => {
    const catalogue = parseStored(row);
    return {
      id: row.id,
      version: row.version,
      issuedAt: catalogue?.issuedAt ?? '',
      items: catalogue?.items.length ?? 0,
      builtIn: false,
      active: active.row?.id === row.id,
      importedBy: importedBy(row),
      importedAt: row.created_at,
    };
  });
  views.push({
    id: null,
    version: shipped.version,
    issuedAt: shipped.issuedAt,
    items: shipped.items.length,
    builtIn: true,
    active: active.row === null,
    importedBy: null,
    importedAt: null,
  });
  return views;
}
