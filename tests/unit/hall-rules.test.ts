/** The hall's pure rules: the audit anchor verdict, which pushed rows enter the registry index, the command line. */
import { describe, expect, it } from 'vitest';
import { parseHallArgs } from '../../hall/args';
import { anchorVerdict, type AnchorVerdict } from '../../shared/hall/audit-anchor';
import type { AuditHead } from '../../shared/hall/contract';
import { registryEntryOf } from '../../shared/hall/registry-entry';

const h = (seq: number, c: string): AuditHead => ({ seq, hash: c.repeat(64) });

describe('anchorVerdict', () => {
  const cases: [string, AuditHead | null, AuditHead, AuditHead | null, AnchorVerdict][] = [
    ['first head', null, h(5, 'a'), null, { ok: true }],
    ['same head again', h(5, 'a'), h(5, 'a'), null, { ok: true }],
    ['same seq, other hash', h(5, 'a'), h(5, 'b'), null, { ok: false, reason: 'rewritten' }],
    ['shorter chain', h(5, 'a'), h(4, 'a'), null, { ok: false, reason: 'shorter' }],
    ['longer, held hash at held seq', h(5, 'a'), h(9, 'c'), h(5, 'a'), { ok: true }],
    ['longer, other hash at held seq', h(5, 'a'), h(9, 'c'), h(5, 'b'), { ok: false, reason: 'rewritten' }],
    ['longer, no link sent', h(5, 'a'), h(9, 'c'), null, { ok: false, reason: 'unlinked' }],
    ['longer, link at another seq', h(5, 'a'), h(9, 'c'), h(4, 'a'), { ok: false, reason: 'unlinked' }],
  ];
  it.each(cases)('%s', (_, held, reported, at, verdict) => {
    expect(anchorVerdict(held, reported, at)).toEqual(verdict);
  });
});

describe('registryEntryOf', () => {
  const hashA = 'a'.repeat(64);
  const hashB = 'b'.repeat(64);
  const registered = { kind: 'marriage', status: 'registered', certificate_no: 'J110105-2026-000001', registered_at: '2026-09-01T02:00:00.000Z', parties: [{ documentHash: hashA }, { documentHash: hashB }] };
  const row = (payload: Record<string, unknown>, entity = 'civil_case', op: 'insert' | 'update' | 'delete' = 'insert') => ({ entity, entityId: 'case-1', op, payload });
  it.each([
    ['a registered marriage', row(registered), { entry: { caseId: 'case-1', kind: 'marriage', registeredAt: registered.registered_at, certificateNo: registered.certificate_no, partyHashes: [hashA, hashB] } }],
    ['a registered divorce (update)', row({ ...registered, kind: 'divorce' }, 'civil_case', 'update'), { entry: expect.objectContaining({ kind: 'divorce' }) }],
    ['an accepted, not registered, marriage', row({ ...registered, status: 'accepted' }), null],
    ['a reissue', row({ ...registered, kind: 'reissue' }), null],
    ['another entity', row(registered, 'contact'), null],
    ['a delete', row(registered, 'civil_case', 'delete'), null],
    ['no party hashes', row({ ...registered, parties: [{}, {}] }), { problem: expect.stringContaining('parties.0.documentHash') }],
    ['one party', row({ ...registered, parties: [{ documentHash: hashA }] }), { problem: expect.stringContaining('cannot be indexed') }],
    ['no certificate number', row({ ...registered, certificate_no: ' ' }), { problem: expect.stringContaining('certificate_no') }],
    ['a local time', row({ ...registered, registered_at: '2026-09-01T10:00:00+08:00' }), { problem: expect.stringContaining('registered_at') }],
  ])('%s', (_, input, expected) => {
    expect(registryEntryOf(input)).toEqual(expected);
  });
});

describe('parseHallArgs', () => {
  it('reads every option and has defaults', () => {
    expect(parseHallArgs([])).toEqual({ port: 5790, dataDir: null, databaseUrl: null, demo: false, kioskPrinters: [] });
    expect(parseHallArgs(['--port', '0', '--data-dir', '/srv/hall', '--database-url', 'postgres://h@db/hall', '--demo', '--kiosk-printer', 'K1=tcp://192.168.1.50:9100', '--kiosk-printer', 'K2=tcp://kiosk-2'])).toEqual({
      port: 0,
      dataDir: '/srv/hall',
      databaseUrl: 'postgres://h@db/hall',
      demo: true,
      kioskPrinters: [
        { kioskNo: 'K1', uri: 'tcp://192.168.1.50:9100' },
        { kioskNo: 'K2', uri: 'tcp://kiosk-2:9100' },
      ],
    });
  });
  it.each([[['--port', '70000']], [['--port', '0x50']], [['--database-url', 'mysql://x']], [['--data-dir']], [['--verbose']], [['--kiosk-printer', 'K1']], [['--kiosk-printer', 'K1=/dev/usb/lp0']], [['--kiosk-printer', '=tcp://10.0.0.1']]])('refuses %j', (argv) => {
    expect(() => parseHallArgs(argv)).toThrow();
  });
});
