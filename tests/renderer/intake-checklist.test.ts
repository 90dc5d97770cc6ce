// @vitest-environment happy-dom
/** The intake materials checklist: what is missing is the required materials not received plus the received ones with a problem. */
import { act, cleanup, renderHook } from '@testing-library/react';
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { useMaterialsChecklist } from '../../renderer/src/intake/useMaterialsChecklist';
import { catalogueSchema, type CatalogueItem } from '../../shared/catalogue/schema';

afterEach(cleanup);

const catalogue = catalogueSchema.parse(JSON.parse(readFileSync('shared/catalogue/default-catalogue.json', 'utf8')));
function itemOf(code: string): CatalogueItem {
  const item = catalogue.items.find((i) => i.code === code);
  if (!item) throw new Error(`no ${code} in the default catalogue`);
  return item;
}
// 婚姻登记记录证明: id-card and application required, authorization only when someone else applies
const RECORD = itemOf('MAR-RECORD');

describe('useMaterialsChecklist', () => {
  it('counts nothing missing while no matter is known', () => {
    const { result } = renderHook(() => useMaterialsChecklist(undefined));
    expect(result.current.missingCount).toBe(0);
  });

  it.each([
    ['nothing received', [], {}, 2, []],
    ['one required received', ['id-card'], {}, 1, []],
    ['both required received', ['id-card', 'application'], {}, 0, []],
    ['only the optional one received', ['authorization'], {}, 2, []],
    ['a received one with a problem', ['id-card', 'application'], { 'id-card': ' 已过期 ' }, 1, [{ materialId: 'id-card', problem: '已过期' }]],
    ['a problem written in blanks is no problem', ['id-card', 'application'], { 'id-card': '   ' }, 0, []],
    ['a problem against a material not received does not count', ['id-card'], { application: '未签名' }, 1, []],
  ] as const)('%s', (_, received, problems, missing, problemList) => {
    const { result } = renderHook(() => useMaterialsChecklist(RECORD));
    act(() => result.current.reset(received));
    for (const [id, text] of Object.entries(problems)) act(() => result.current.setProblem(id, text));
    expect(result.current.missingCount).toBe(missing);
    expect(result.current.problemList).toEqual(problemList);
  });

  it('ticking and unticking a material changes what is received', () => {
    const { result } = renderHook(() => useMaterialsChecklist(RECORD));
    act(() => result.current.toggle('id-card', true));
    act(() => result.current.toggle('application', true));
    act(() => result.current.toggle('id-card', false));
    expect([...result.current.received]).toEqual(['application']);
    expect(result.current.missingCount).toBe(1);
  });

  it('reset drops the problems written so far; take keeps them', () => {
    const { result } = renderHook(() => useMaterialsChecklist(RECORD));
    act(() => result.current.reset(['id-card', 'application']));
    act(() => result.current.setProblem('id-card', '复印件不清晰'));
    act(() => result.current.take(['id-card']));
    expect(result.current.problems).toEqual({ 'id-card': '复印件不清晰' });
    expect(result.current.missingCount).toBe(2);
    act(() => result.current.reset(['id-card']));
    expect(result.current.problems).toEqual({});
    expect(result.current.missingCount).toBe(1);
  });
});
