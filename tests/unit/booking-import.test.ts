/** The booking export parser: CSV and JSON, Chinese and English headers, every bad row reported. */
import { describe, expect, it } from 'vitest';
import { parseBookingExport, parseBookingSlot, type BookingProblem } from '../../shared/domain/booking-import';
import { parseCsvRecords } from '../../shared/domain/csv';
import { residentIdCheckCharacter } from '../../shared/domain/id-number';

const TODAY = '2026-08-10';
const HER = '11010519491231002X';
/** A valid resident ID: Beijing Chaoyang, born 1990-05-20, sequence 123 (male). */
const HIM = `11010519900520123${residentIdCheckCharacter('11010519900520123')}`;

const HEADER_ZH = '预约号,预约日期,预约时段,事项编码,申请人姓名,证件类型,证件号码,联系电话,另一方姓名,另一方证件类型,另一方证件号码';
const HEADER_EN = 'code,date,slot,itemCode,name,documentType,documentNumber,phone,partnerName,partnerDocumentType,partnerDocumentNumber';
const GOOD = `YY0001,2026-08-19,09:00-09:30,MAR-REG,张三,居民身份证,${HIM},13800138000,李四,居民身份证,${HER}`;

function csv(...lines: string[]): string {
  return lines.join('\r\n');
}

function problemRows(problems: BookingProblem[]): number[] {
  return problems.map((p) => p.row);
}

describe('format and header', () => {
  it.each([
    ['Chinese header, CRLF, BOM', 'a.csv', `\uFEFF${csv(HEADER_ZH, GOOD)}`],
    ['English header, LF', 'a.csv', [HEADER_EN, GOOD].join('\n')],
    ['no extension: sniffed as CSV', 'export', csv(HEADER_ZH, GOOD)],
    ['trailing blank lines', 'a.csv', csv(HEADER_ZH, GOOD, '', '')],
  ])('%s', (_name, fileName, content) => {
    const result = parseBookingExport(fileName, content, TODAY);
    expect(result.problems).toEqual([]);
    expect(result.format).toBe('csv');
    expect(result.rows).toEqual([
      {
        row: 2,
        code: 'YY0001',
        date: '2026-08-19',
        slotStart: '09:00',
        slotEnd: '09:30',
        itemCode: 'MAR-REG',
        applicant: { name: '张三', documentType: 'residentId', documentNumber: HIM },
        phone: '13800138000',
        partner: { name: '李四', documentType: 'residentId', documentNumber: HER },
      },
    ]);
  });

  it.each([
    ['an array', 'x.json', JSON.stringify([{ code: 'YY0001', date: '2026-08-19', slot: '09:00-09:30', itemCode: 'MAR-REG', name: '张三', documentNumber: HIM }])],
    ['{appointments: [...]}, Chinese keys, sniffed', 'export.txt.dat', JSON.stringify({ appointments: [{ 预约号: 'yy0001', 预约日期: '2026/8/19', 预约时段: '9:00～9:30', 事项编码: 'mar-reg', 申请人姓名: '张三', 证件号码: HIM.toLowerCase(), 联系电话: 13800138000 }] })],
  ])('JSON: %s', (_name, fileName, content) => {
    const result = parseBookingExport(fileName, content, TODAY);
    expect(result.problems).toEqual([]);
    expect(result.format).toBe('json');
    expect(result.rows).toHaveLength(1);
    expect(result.rows[0]).toMatchObject({ row: 1, code: 'YY0001', date: '2026-08-19', slotStart: '09:00', slotEnd: '09:30', itemCode: 'MAR-REG', partner: null });
    expect(result.rows[0]?.applicant.documentNumber).toBe(HIM);
  });

  it.each([
    ['missing required columns', csv('预约号,预约日期,申请人姓名', 'YY0001,2026-08-19,张三'), /缺少“预约时段”、“事项编码”、“证件号码”列/],
    ['empty file', '  \r\n', /文件是空的/],
    ['header only', HEADER_ZH, /只有表头/],
    ['unterminated quote', csv(HEADER_ZH, GOOD, '"YY0002,2026-08-19'), /第 3 行开始的引号没有结束/],
    ['duplicate column', csv(`${HEADER_ZH},code`, GOOD), /“预约号”列出现了两次/],
  ])('file-level problem, no rows: %s', (_name, content, message) => {
    const result = parseBookingExport('a.csv', content, TODAY);
    expect(result.rows).toEqual([]);
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]?.row).toBe(0);
    expect(result.problems[0]?.message).toMatch(message);
  });

  it.each([
    ['not JSON', '[{"code": "YY0001",'],
    ['not a list', '{"rows": []}'],
  ])('JSON file-level problem: %s', (_name, content) => {
    const result = parseBookingExport('a.json', content, TODAY);
    expect(result.rows).toEqual([]);
    expect(problemRows(result.problems)).toEqual([0]);
    expect(result.problems[0]?.message).toMatch(/JSON/);
  });
});

describe('rows', () => {
  const bad: [string, string, string, RegExp][] = [
    ['unreal date', `YY0101,2026-02-30,09:00-09:30,MAR-REG,张三,居民身份证,${HIM},,,,`, 'date', /不是真实存在的日期/],
    ['slot end before start', `YY0102,2026-08-19,10:00-09:30,MAR-REG,张三,居民身份证,${HIM},,,,`, 'slot', /结束时间不晚于开始时间/],
    ['slot format', `YY0103,2026-08-19,9点,MAR-REG,张三,居民身份证,${HIM},,,,`, 'slot', /格式不对/],
    ['bad check digit', `YY0104,2026-08-19,09:00-09:30,MAR-REG,张三,居民身份证,110105194912310021,,,,`, 'documentNumber', /校验/],
    ['unknown document type', `YY0105,2026-08-19,09:00-09:30,MAR-REG,张三,驾驶证,${HIM},,,,`, 'documentType', /无法识别/],
    ['bad mobile', `YY0106,2026-08-19,09:00-09:30,MAR-REG,张三,居民身份证,${HIM},1380013800,,,`, 'phone', /11 位/],
    ['letters in phone', `YY0107,2026-08-19,09:00-09:30,MAR-REG,张三,居民身份证,${HIM},call me,,,`, 'phone', /只能包含数字/],
    ['partner without a document', `YY0108,2026-08-19,09:00-09:30,MAR-REG,张三,居民身份证,${HIM},,李四,,`, 'partnerDocumentNumber', /另一方证件号码不能为空/],
    ['missing name', `YY0109,2026-08-19,09:00-09:30,MAR-REG,,居民身份证,${HIM},,,,`, 'name', /申请人姓名不能为空/],
    ['bad item code', `YY0110,2026-08-19,09:00-09:30,结婚,张三,居民身份证,${HIM},,,,`, 'itemCode', /事项编码/],
    ['passport too short', `YY0111,2026-08-19,09:00-09:30,MAR-REG,John Smith,passport,E12,,,,`, 'documentNumber', /护照/],
    ['same number twice', `YY0112,2026-08-19,09:00-09:30,MAR-REG,张三,居民身份证,${HIM},,李四,居民身份证,${HIM}`, 'partnerDocumentNumber', /与申请人相同/],
    ['extra cells', `YY0113,2026-08-19,09:00-09:30,MAR-REG,张三,居民身份证,${HIM},,,,,多余`, '', /比表头/],
  ];

  it.each(bad)('%s → a problem on its line, naming the field', (_name, line, field, message) => {
    const result = parseBookingExport('a.csv', csv(HEADER_ZH, GOOD, line), TODAY);
    expect(result.rows.map((r) => r.code)).toEqual(['YY0001']);
    expect(result.problems.length).toBeGreaterThan(0);
    for (const p of result.problems) expect(p.row).toBe(3);
    expect(result.problems.find((p) => (p.field ?? '') === field)?.message).toMatch(message);
    // a problem never repeats a whole document number
    for (const p of result.problems) expect(p.message).not.toContain(HIM);
  });

  it('reports every bad row of one file and keeps the good ones, numbered as lines in the file', () => {
    const content = csv(HEADER_ZH, GOOD, ...bad.map(([, line]) => line), `YY0200,2026-08-19,09:30-10:00,MAR-REG,王五,护照,E12345678,+86 138 0013 8000,,,`);
    const result = parseBookingExport('a.csv', content, TODAY);
    expect(result.records).toBe(bad.length + 2);
    expect(result.rows.map((r) => [r.row, r.code])).toEqual([
      [2, 'YY0001'],
      [bad.length + 3, 'YY0200'],
    ]);
    expect([...new Set(problemRows(result.problems))]).toEqual(bad.map((_b, i) => i + 3));
  });

  it('a duplicate code is a problem on the later row', () => {
    const result = parseBookingExport('a.csv', csv(HEADER_ZH, GOOD, GOOD.replace('张三', '张三丰')), TODAY);
    expect(result.rows.map((r) => r.applicant.name)).toEqual(['张三']);
    expect(result.problems).toEqual([{ row: 3, field: 'code', message: expect.stringMatching(/预约号 YY0001 与第 2 行重复/) }]);
  });

  it('counts lines through quoted cells with commas, quotes and line breaks', () => {
    const multiline = `YY0002,2026-08-19,09:00-09:30,MAR-REG,"张, ""三""",居民身份证,${HIM},,"李\n四",居民身份证,${HER}`;
    const broken = `YY0003,2026-13-01,09:00-09:30,MAR-REG,张三,居民身份证,${HIM},,,,`;
    const result = parseBookingExport('a.csv', [HEADER_ZH, multiline, broken].join('\n'), TODAY);
    expect(result.rows[0]?.applicant.name).toBe('张, "三"');
    expect(result.rows[0]?.partner?.name).toBe('李 四');
    expect(problemRows(result.problems)).toEqual([4]);
  });

  it('a birth date after today is refused (today is a parameter)', () => {
    const born = `11010520260901123`;
    const future = born + residentIdCheckCharacter(born);
    const line = `YY0300,2026-08-19,09:00-09:30,MAR-REG,张三,居民身份证,${future},,,,`;
    expect(parseBookingExport('a.csv', csv(HEADER_ZH, line), '2026-08-10').problems[0]?.field).toBe('documentNumber');
  });

  it('JSON records are numbered from 1 and a non-object record is reported', () => {
    const good = { code: 'YY0001', date: '2026-08-19', slot: '09:00-09:30', itemCode: 'MAR-REG', name: '张三', documentNumber: HIM };
    const result = parseBookingExport('a.json', JSON.stringify([good, 'oops', { ...good, code: 'YY0002', date: '2026-02-29' }]), TODAY);
    expect(result.rows.map((r) => r.row)).toEqual([1]);
    expect(problemRows(result.problems)).toEqual([2, 3]);
  });
});

describe('pieces', () => {
  it.each([
    ['09:00-09:30', { start: '09:00', end: '09:30' }],
    ['9:00 ～ 9:30', { start: '09:00', end: '09:30' }],
    ['14：00至14：30', { start: '14:00', end: '14:30' }],
    ['24:00-24:30', null],
    ['09:30-09:30', null],
  ])('slot %s', (input, expected) => {
    const slot = parseBookingSlot(input);
    if (expected) expect(slot).toEqual(expected);
    else expect(slot).toHaveProperty('problem');
  });

  it('CSV records carry the line they start on', () => {
    expect(parseCsvRecords('a,b\r\n\r\n"x\ny",z\nlast,1')).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 3, cells: ['x\ny', 'z'] },
      { line: 5, cells: ['last', '1'] },
    ]);
  });
});
