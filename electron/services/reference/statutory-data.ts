/**
 * The statutory holidays and make-up workdays shipped in the chinese-days
 * package, read from its raw data file (dist/chinese-days.json) rather than
 * through its API: the API answers Monday–Friday for years it does not know,
 * the raw tables only hold what the State Council notices say.
 */
import { createRequire } from 'node:module';
import { statutoryFromChineseDays, type StatutoryCalendar } from '../../../shared/domain/working-days';

let cached: StatutoryCalendar | null = null;

export function statutoryCalendar(): StatutoryCalendar {
  if (!cached) {
    // a plain require keeps the JSON out of the ESM import graph (Node would need an import attribute)
    const require = createRequire(import.meta.url);
    const raw: unknown = require('chinese-days/dist/chinese-days.json');
    const pkg = require('chinese-days/package.json') as { version?: unknown };
    cached = statutoryFromChineseDays(raw, `chinese-days ${typeof pkg.version === 'string' ? pkg.version : ''}`.trim());
  }
  return cached;
}
