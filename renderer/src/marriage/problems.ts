/** Which problem each party field shows: the pure checks, the core's answer to a submit, and the live check. */
import type { PartyField } from '../../../shared/domain/civil-party';
import { partyProblems } from '../../../shared/domain/civil-party';
import { asFacts, PARTY_FIELDS, type PartyForm } from './form';
import type { CheckResult } from './useLiveCheck';

export type PartyProblems = Partial<Record<PartyField, string>>;

/** A schema message 'parties.0.name' → '姓名：不能为空' shown under the field, without the label. */
export function problemsFromPaths(fields: Record<string, string> | undefined, count: number): PartyProblems[] {
  const out: PartyProblems[] = Array.from({ length: count }, () => ({}));
  for (const [path, message] of Object.entries(fields ?? {})) {
    const m = /^parties\.(\d)\.(\w+)$/.exec(path);
    if (!m) continue;
    const target = out[Number(m[1])];
    if (target) target[m[2] as PartyField] = message.slice(message.indexOf('：') + 1);
  }
  return out;
}

/** Every party's problems; until a submit (showAll) only those of the fields the clerk has touched. */
export function shownProblems(input: {
  parties: readonly PartyForm[];
  today: string | null;
  check: CheckResult | null;
  server: readonly PartyProblems[];
  showAll: boolean;
  touched: ReadonlySet<string>;
}): PartyProblems[] {
  const { parties, today, check, server, showAll, touched } = input;
  return parties.map((p, i) => {
    const local = today ? partyProblems(asFacts(p), today) : {};
    const fromCheck: PartyProblems = {};
    for (const fp of check?.fieldProblems ?? []) if (fp.party === i) fromCheck[fp.field as PartyField] = fp.message;
    const all = { ...local, ...server[i], ...fromCheck };
    if (showAll) return all;
    const shown: PartyProblems = {};
    for (const field of PARTY_FIELDS) {
      const message = all[field];
      if (message && touched.has(`${i}.${field}`)) shown[field] = message;
    }
    return shown;
  });
}

/** The first field that stops a submit, as [party index, field]; null when none does (or the date is not known yet). */
export function firstProblem(parties: readonly PartyForm[], today: string | null, server: readonly PartyProblems[]): [number, PartyField] | null {
  if (!today) return null;
  for (let i = 0; i < parties.length; i++) {
    const p = parties[i];
    if (!p) continue;
    const all = { ...partyProblems(asFacts(p), today), ...server[i] };
    const field = PARTY_FIELDS.find((f) => all[f]);
    if (field) return [i, field];
  }
  return null;
}
