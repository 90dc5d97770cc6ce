/**
 * An applicant whose name has a character outside GBK (𪚥明, U+2A6A5) through
 * intake on a real core and SQLite file, with the 受理回执 read back from a
 * real TCP printer socket: the name is stored as typed, and the slip line
 * with it is a raster image, never "?".
 */
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CLERK, SUPERVISOR, call, cleanupAll, expectError, login, logout, setUpWithClerk } from '../support/core';
import { readJobs, slipText, type ReadJob } from '../support/escpos-reader';
import { FakePrinter } from '../support/fake-printer';
import { closeAllPrintCores, enqueue, openPrintCore, type PrintCore } from '../support/print-core';
import { ON_THE_SPOT_ITEM } from '../support/catalogue';

const CATALOGUE = {
  version: '9999.2',
  issuedAt: '2026-01-01',
  items: [
    ON_THE_SPOT_ITEM,
  ],
};

let printer: FakePrinter;
let t: PrintCore;

beforeEach(async () => {
  printer = await FakePrinter.start();
  t = openPrintCore();
  await setUpWithClerk(t.core);
  await login(t.core, SUPERVISOR.staffNo, SUPERVISOR.pin);
  await call(t.core, 'catalogue.import', { content: JSON.stringify(CATALOGUE) });
  await call(t.core, 'printer.configure', { printer: printer.uri, paperWidth: 80 });
  await logout(t.core);
  await login(t.core, CLERK.staffNo, CLERK.pin);
});
afterEach(async () => {
  closeAllPrintCores();
  await printer.stop();
});
afterAll(cleanupAll);

function start(applicantName: string) {
  return t.core.call('intake.start', { itemCode: 'T-SPOT', channel: 'walkIn', applicantName, applicantPhone: '', applicantIdNumber: '' });
}

function receipts(): ReadJob[] {
  return readJobs(printer.data).filter((job) => job.lines.some((line) => line.text.includes('受理回执')));
}

describe('a name outside GBK', () => {
  it('is accepted, stored and shown as typed, and printed on the 受理回执 as an image of its line', async () => {
    const contact = await call(t.core, 'intake.start', { itemCode: 'T-SPOT', channel: 'walkIn', applicantName: '𪚥明', applicantPhone: '', applicantIdNumber: '' });
    expect(contact.applicantName).toBe('𪚥明');
    expect((await call(t.core, 'intake.get', { id: contact.id })).applicantName).toBe('𪚥明');
    const stored = t.core.db.prepare('SELECT applicant_name FROM contact WHERE id = ?').get(contact.id) as { applicant_name: string };
    expect(stored.applicant_name).toBe('𪚥明');

    const accepted = await call(t.core, 'intake.accept', { id: contact.id, receivedMaterialIds: ['id'] });
    await t.core.printing.settled();
    expect((await call(t.core, 'print.jobs', {})).find((job) => job.id === accepted.printJobId)?.status).toBe('sent');
    const preview = await call(t.core, 'print.preview', { id: accepted.printJobId });
    expect(preview.warning).toBeNull();
    expect(preview.svg).toContain('𪚥'); // the preview shows the name as typed (masked: 𪚥*)

    const [receipt] = receipts();
    if (!receipt) throw new Error('no 受理回执 on the printer');
    expect(receipt.items.filter((item) => item.kind === 'unknown')).toEqual([]);
    // the applicant line is the image; no text line has it, nor a "?" in place of a character
    expect(receipt.lines.some((line) => line.text.startsWith('申请人'))).toBe(false);
    expect(receipt.lines.filter((line) => line.text.includes('?'))).toEqual([]);
    expect(receipt.rasters).toHaveLength(1);
    const [raster] = receipt.rasters;
    expect(raster).toMatchObject({ mode: 0, widthBytes: 72, height: 30, missing: 0 });
    const art = slipText(receipt, 2);
    const first = art.findIndex((row) => row.startsWith('|'));
    // the image sits where the applicant line belongs: after the number, before the matter
    expect(art.slice(0, first).some((row) => row.includes('编号') || row.includes('受理回执'))).toBe(true);
    expect(art.slice(first).some((row) => row.includes('婚姻登记记录证明'))).toBe(true);
  });

  it('many at once: parallel and repeated starts and acceptances each store the name as typed and print it as an image', async () => {
    const started = await Promise.all(Array.from({ length: 6 }, () => start('𪚥明')));
    const contacts = started.map((result) => {
      if (!result.ok) throw new Error(result.error.message);
      return result.value as { id: string; applicantName: string };
    });
    expect(contacts.map((c) => c.applicantName)).toEqual(Array<string>(6).fill('𪚥明'));
    const accepted = await Promise.all(contacts.map((c) => t.core.call('intake.accept', { id: c.id, receivedMaterialIds: ['id'] })));
    expect(accepted.every((result) => result.ok)).toBe(true);
    // accepting the same contact again is refused, not printed twice
    const again = await Promise.all(contacts.slice(0, 2).map((c) => t.core.call('intake.accept', { id: c.id, receivedMaterialIds: ['id'] })));
    expect(again.every((result) => !result.ok)).toBe(true);
    await t.core.printing.settled();
    const printed = receipts();
    expect(printed).toHaveLength(6);
    for (const job of printed) {
      expect(job.rasters).toHaveLength(1);
      expect(job.lines.filter((line) => line.text.includes('?'))).toEqual([]);
    }
  });

  it('emoji, NUL and bidi controls in the name are refused with a Chinese message and store nothing', async () => {
    const before = (t.core.db.prepare('SELECT COUNT(*) AS n FROM contact').get() as { n: number }).n;
    const results = await Promise.all(['张😀', '张\u0000三', '张\u202e三', '李\u2066四\u2069'].map((name) => start(name)));
    const messages = results.map((result) => expectError(result, 'VALIDATION').message);
    expect(messages[0]).toContain('姓名不能包含表情符号');
    expect(messages[1]).toContain('空字符');
    expect(messages[2]).toContain('改变文字方向');
    expect(messages[3]).toContain('改变文字方向');
    expect((t.core.db.prepare('SELECT COUNT(*) AS n FROM contact').get() as { n: number }).n).toBe(before);
  });
});

describe('a character no font on this machine has', () => {
  it('is printed as its code point, and the preview warns the clerk', async () => {
    const id = enqueue(t.core, { title: '受理回执', blocks: [{ kind: 'field', label: '申请人', value: '\u{2EBF0}明' }] });
    await t.core.printing.settled();
    const preview = await call(t.core, 'print.preview', { id });
    expect(preview.warning).toContain('\u{2EBF0}（U+2EBF0）');
    const [job] = readJobs(printer.data).slice(-1);
    expect(job?.lines.map((line) => line.text.trim())).toContain('申请人：U+2EBF0明');
    expect(job?.rasters).toEqual([]);
  });
});
