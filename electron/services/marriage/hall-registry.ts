/**
 * The registry check across windows (结婚登记): the hall a window has joined
 * is asked, by the parties' keyed lookup hashes, whether either has a
 * marriage registered at any of its windows and not dissolved. Asked before
 * the write's transaction; the answer joins the ledger's own check.
 */
import type { PartyInput } from '../../../shared/api/marriage';
import { hallSpouse, type HallMarriage } from '../../../shared/domain/hall-registry';
import { hallDate } from '../../../shared/domain/hall-time';
import { normalizeDocumentNumber } from '../../../shared/domain/identity-documents';
import type { EligibilityProblem } from '../../../shared/domain/marriage-rules';
import { chineseDate } from '../../../shared/domain/plain-date';
import { CounterError } from '../../../shared/result';
import type { CoreContext } from '../core/context';
import { hallClientOf } from '../hall-link/link-repo';
import { documentHash, registryHistory, side } from './registry';

/** What the hall said: spouses it knows of, and a notice for the clerk when it could not be asked. */
export interface HallReview {
  /** 'unreachable': the hall did not answer; the national check (联网核查) is the only check beyond this ledger. */
  asked: 'notJoined' | 'checked' | 'unreachable';
  problems: EligibilityProblem[];
  notice: string | null;
}

export const NOT_ASKED: HallReview = { asked: 'notJoined', problems: [], notice: null };

export const HALL_UNREACHABLE_NOTICE = '未能连接大厅，无法核对其他窗口的登记；请确认已在全国婚姻登记信息系统联网核查';

function describeHallMarriage(m: HallMarriage): string {
  return `已于${chineseDate(hallDate(m.registeredAt))}在本大厅 ${m.windowNo} 号窗口登记结婚（结婚证字号 ${m.certificateNo}）`;
}

export async function askHallRegistry(ctx: CoreContext, parties: readonly PartyInput[]): Promise<HallReview> {
  const client = hallClientOf(ctx);
  const asked = parties.slice(0, 2).filter((p) => normalizeDocumentNumber(p.documentNumber) !== '');
  if (client === null || asked.length === 0) return NOT_ASKED;
  const hashes = asked.map((p) => ctx.vault.lookupHash(normalizeDocumentNumber(p.documentNumber)));
  let answer: { hash: string; marriage: HallMarriage | null }[];
  try {
    answer = (await client.call('registryCheck', { hashes })).parties;
  } catch (error) {
    if (!(error instanceof CounterError)) throw error;
    const notice = error.code === 'DISCONNECTED' ? HALL_UNREACHABLE_NOTICE : `大厅未能核对其他窗口的登记（${error.message}）；请确认已在全国婚姻登记信息系统联网核查`;
    return { asked: 'unreachable', problems: [], notice };
  }
  const problems: EligibilityProblem[] = [];
  asked.forEach((party, i) => {
    const local = registryHistory(ctx, documentHash(ctx, party.documentNumber));
    const marriage = hallSpouse(local, answer[i]?.marriage ?? null);
    if (marriage) {
      const position = parties.indexOf(party) === 0 ? 0 : 1;
      problems.push({ code: 'hasSpouse', message: `${side(party)}有配偶：${describeHallMarriage(marriage)}，有配偶者不能办理结婚登记`, party: position });
    }
  });
  return { asked: 'checked', problems, notice: null };
}
