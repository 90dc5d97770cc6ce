/** The canonical form of an audit row and the chain rule: stable, field by field. */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { auditRowHash, canonicalAuditRow, canonicalJson, checkAuditRow, GENESIS_HASH, type AuditChainRow } from '../../shared/audit/chain';

const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

const ROW: AuditChainRow = {
  seq: 7,
  id: '01890a5d-ac96-774b-bcce-b302099a8057',
  hall_id: 'hall-1',
  window_no: '3',
  at: '2026-03-02T01:00:00.000Z',
  actor_id: null,
  actor_staff_no: 'C001',
  action: 'auth.login',
  entity: 'clerk_session',
  entity_id: null,
  detail: '{"b":1,"a":{"d":[3,{"z":null,"y":"二"}],"c":true}}',
};

describe('canonical JSON', () => {
  it.each([
    [{ b: 1, a: 2 }, '{"a":2,"b":1}'],
    [{ a: { d: 1, c: [2, { f: null, e: '中' }] } }, '{"a":{"c":[2,{"e":"中","f":null}],"d":1}}'],
    [[3, 1, 2], '[3,1,2]'],
    [{}, '{}'],
    [null, 'null'],
    ['引号"\n', '"引号\\"\\n"'],
    [{ B: 1, a: 2, _: 3 }, '{"B":1,"_":3,"a":2}'],
    [1.5e21, '1.5e+21'],
  ])('%j → %s', (value, expected) => {
    expect(canonicalJson(value)).toBe(expected);
  });
});

describe('canonical audit row', () => {
  it('has a fixed field order, explicit nulls and the detail with sorted keys', () => {
    expect(canonicalAuditRow(ROW)).toBe(
      '["audit/1",7,"01890a5d-ac96-774b-bcce-b302099a8057","hall-1","3","2026-03-02T01:00:00.000Z",null,"C001","auth.login","clerk_session",null,' +
        '["json",{"a":{"c":true,"d":[3,{"y":"二","z":null}]},"b":1}]]',
    );
  });

  it('is the same for the same meaning of detail (whitespace, key order)', () => {
    const reformatted = { ...ROW, detail: '{ "a": { "c": true, "d": [3, {"y": "二", "z": null}] }, "b": 1 }' };
    expect(canonicalAuditRow(reformatted)).toBe(canonicalAuditRow(ROW));
  });

  it('keeps detail that is not JSON as raw text, distinct from any JSON', () => {
    expect(canonicalAuditRow({ ...ROW, detail: '{oops' })).toMatch(/\["raw","\{oops"\]\]$/);
    expect(canonicalAuditRow({ ...ROW, detail: '"x"' })).not.toBe(canonicalAuditRow({ ...ROW, detail: 'x' }));
  });

  it.each<[string, Partial<AuditChainRow>]>([
    ['seq', { seq: 8 }],
    ['id', { id: '01890a5d-ac96-774b-bcce-b302099a8058' }],
    ['hall', { hall_id: 'hall-2' }],
    ['window', { window_no: '4' }],
    ['time', { at: '2026-03-02T01:00:00.001Z' }],
    ['actor id null → value', { actor_id: 'x' }],
    ['actor staff number → null', { actor_staff_no: null }],
    ['actor staff number → "null"', { actor_staff_no: 'null' }],
    ['action', { action: 'auth.logout' }],
    ['entity', { entity: 'staff' }],
    ['entity id null → ""', { entity_id: '' }],
    ['detail value', { detail: '{"b":2,"a":{"d":[3,{"z":null,"y":"二"}],"c":true}}' }],
    ['detail array order', { detail: '{"b":1,"a":{"d":[{"z":null,"y":"二"},3],"c":true}}' }],
  ])('changes when %s changes', (_name, change) => {
    expect(canonicalAuditRow({ ...ROW, ...change })).not.toBe(canonicalAuditRow(ROW));
  });

  it('fields cannot run into each other', () => {
    const a = { ...ROW, action: 'ab', entity: 'c' };
    const b = { ...ROW, action: 'a', entity: 'bc' };
    expect(canonicalAuditRow(a)).not.toBe(canonicalAuditRow(b));
  });
});

describe('the chain rule', () => {
  it('hash = SHA-256(prev_hash + canonical form), genesis is 64 zeros', () => {
    expect(GENESIS_HASH).toBe('0'.repeat(64));
    const first = { ...ROW, seq: 1 };
    const hash = auditRowHash(sha256, GENESIS_HASH, first);
    expect(hash).toBe(sha256(GENESIS_HASH + canonicalAuditRow(first)));
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('checks seq, presence, link and content in that order', () => {
    const first = { ...ROW, seq: 1 };
    const hash1 = auditRowHash(sha256, GENESIS_HASH, first);
    const row1 = { ...first, prev_hash: GENESIS_HASH, hash: hash1 };
    expect(checkAuditRow(sha256, null, row1)).toBeNull();
    const second = { ...ROW, seq: 2, id: 'b' };
    const row2 = { ...second, prev_hash: hash1, hash: auditRowHash(sha256, hash1, second) };
    const after1 = { seq: 1, hash: hash1 };
    expect(checkAuditRow(sha256, after1, row2)).toBeNull();
    expect(checkAuditRow(sha256, after1, { ...row2, seq: 3 })).toBe('序号缺失');
    expect(checkAuditRow(sha256, null, row2)).toBe('序号缺失');
    expect(checkAuditRow(sha256, after1, { ...row2, hash: null })).toBe('缺少哈希');
    expect(checkAuditRow(sha256, after1, { ...row2, prev_hash: GENESIS_HASH })).toBe('链接断开');
    expect(checkAuditRow(sha256, after1, { ...row2, detail: '{}' })).toBe('内容被改动');
  });
});
