/** renderer/src/marriage/form.ts: the marriage form's conversions, table-driven. */
import { describe, expect, it } from 'vitest';
import type { StartParty } from '../../shared/api/marriage';
import {
  applyCardReading,
  asFacts,
  blankParty,
  fillFromResidentId,
  normalizeDateTyping,
  partiesFromStart,
  partyTitle,
  splitCertificateNumbers,
  toPartyInput,
  toReissue,
  type PartyForm,
} from '../../renderer/src/marriage/form';
import { itMaps } from '../support/table';

const TODAY = '2026-03-02';
const MAN = '110105199005150010';
const WOMAN = '110105199208080024';

function party(patch: Partial<PartyForm>): PartyForm {
  return { ...blankParty(), ...patch };
}

function carried(name: string, documentNumber: string): StartParty {
  return { name, documentType: 'residentId', documentNumber, phone: '13800138000' };
}

describe('normalizeDateTyping', () => {
  itMaps(normalizeDateTyping, [
    ['19900501', '1990-05-01'],
    ['1990-5-1', '1990-05-01'],
    ['1990.05.01', '1990-05-01'],
    ['1990/5/01', '1990-05-01'],
    ['1990年5月1日', '1990-05-01'],
    [' 19900501 ', '1990-05-01'],
    ['1990-05-01', '1990-05-01'],
    ['', ''],
    ['199005', '199005'],
    ['明天', '明天'],
  ]);
});

describe('splitCertificateNumbers', () => {
  itMaps(splitCertificateNumbers, [
    ['J110105-2020-000123', ['J110105-2020-000123']],
    ['j110105-2020-000123，J110105-2020-000124', ['J110105-2020-000123', 'J110105-2020-000124']],
    ['A1、 B2', ['A1', 'B2']],
    ['A1 ; B2', ['A1', 'B2']],
    ['  ', []],
  ]);
});

describe('fillFromResidentId', () => {
  it.each<[string, Partial<PartyForm>, string | null, Partial<PartyForm>]>([
    ['fills empty birth date and sex', { documentNumber: MAN }, TODAY, { birthDate: '1990-05-15', sex: 'male' }],
    ['keeps what the clerk typed', { documentNumber: WOMAN, birthDate: '1992-08-09', sex: 'male' }, TODAY, { birthDate: '1992-08-09', sex: 'male' }],
    ['waits for the hall’s date', { documentNumber: MAN }, null, { birthDate: '', sex: '' }],
    ['ignores a bad check digit', { documentNumber: '110105199005150011' }, TODAY, { birthDate: '', sex: '' }],
    ['ignores a passport', { documentType: 'passport', documentNumber: MAN }, TODAY, { birthDate: '', sex: '' }],
  ])('%s', (_, input, today, expected) => {
    expect(fillFromResidentId(party(input), today)).toMatchObject(expected);
  });

  it('returns the same object when nothing changes (no re-render)', () => {
    const p = party({ documentNumber: '' });
    expect(fillFromResidentId(p, TODAY)).toBe(p);
  });
});

describe('applyCardReading', () => {
  it.each<[string, Partial<PartyForm>, Partial<PartyForm>]>([
    ['the card’s number, birth date and sex win', { documentType: 'passport', documentNumber: 'E1', birthDate: '2000-01-01', sex: 'female' }, { documentType: 'residentId', documentNumber: MAN, birthDate: '1990-05-15', sex: 'male' }],
    ['nationality 中国 when empty', { nationality: '' }, { nationality: '中国' }],
    ['a typed nationality stays', { nationality: '中国（香港）' }, { nationality: '中国（香港）' }],
    ['the name stays', { name: '陈志强' }, { name: '陈志强' }],
  ])('%s', (_, input, expected) => {
    expect(applyCardReading(party(input), MAN.toLowerCase(), TODAY)).toMatchObject(expected);
  });
});

describe('partiesFromStart', () => {
  it.each<[string, 'marriage' | 'divorce' | 'reissue', StartParty[], string[]]>([
    ['a blank marriage has two cards', 'marriage', [], ['', '']],
    ['the man’s card first', 'marriage', [carried('林晓燕', WOMAN), carried('陈志强', MAN)], ['陈志强', '林晓燕']],
    ['a woman alone (a ticket’s kiosk card) takes the woman’s card', 'marriage', [carried('林晓燕', WOMAN)], ['', '林晓燕']],
    ['a man alone keeps the man’s card', 'divorce', [carried('陈志强', MAN)], ['陈志强', '']],
    ['the order kept when already right', 'divorce', [carried('陈志强', MAN), carried('林晓燕', WOMAN)], ['陈志强', '林晓燕']],
    ['one applicant, one party for a replacement', 'reissue', [carried('林晓燕', WOMAN)], ['林晓燕']],
    ['a replacement keeps the order', 'reissue', [carried('林晓燕', WOMAN), carried('陈志强', MAN)], ['林晓燕', '陈志强']],
    ['a blank replacement has one card', 'reissue', [], ['']],
  ])('%s', (_, kind, start, names) => {
    const cards = partiesFromStart(kind, start, TODAY);
    expect(cards.map((c) => c.name)).toEqual(names);
    for (const c of cards) if (c.documentNumber) expect(c.birthDate).not.toBe('');
  });
});

describe('partyTitle', () => {
  it.each([
    ['marriage', 0, '男方'],
    ['divorce', 1, '女方'],
    ['reissue', 0, '当事人一'],
    ['reissue', 1, '当事人二'],
  ] as const)('%s %i → %s', (kind, index, title) => {
    expect(partyTitle(kind, index)).toBe(title);
  });
});

describe('request shapes', () => {
  it('toPartyInput trims the typed text and normalizes the number', () => {
    const input = toPartyInput(party({ documentNumber: ' 11010519900515001x ', name: ' 陈志强 ', ethnicity: '汉族 ', address: ' 北京 ', phone: ' 138 ' }));
    expect(input).toMatchObject({ documentNumber: '11010519900515001X', name: '陈志强', ethnicity: '汉族', address: '北京', phone: '138' });
  });

  it.each([
    ['汉', '汉族'],
    ['汉族', '汉族'],
    ['哈', '哈'],
    ['', ''],
  ])('民族 %j is sent and checked as %j (the live check and the submit agree)', (typed, sent) => {
    const p = party({ ethnicity: typed });
    expect(toPartyInput(p).ethnicity).toBe(sent);
    expect(asFacts(p).ethnicity).toBe(sent);
  });

  it('toReissue trims every field', () => {
    expect(toReissue({ originalKind: 'divorce', originalDate: ' 2015-05-20 ', originalCertificateNo: ' L1 ', reason: ' 遗失 ' })).toEqual({
      originalKind: 'divorce',
      originalDate: '2015-05-20',
      originalCertificateNo: 'L1',
      reason: '遗失',
    });
  });
});
