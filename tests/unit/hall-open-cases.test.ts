/** The console's open cases across windows (shared/domain/hall-open-cases.ts): one rule per record kind. */
import { describe, expect, it } from 'vitest';
import { countOpenCases, openCaseOf, type OpenCase, type OpenCaseRecord } from '../../shared/domain/hall-open-cases';

const TODAY = '2026-09-15';

describe('openCaseOf', () => {
  it.each<[string, OpenCaseRecord, OpenCase | null]>([
    ['a contact being received', { entity: 'contact', status: 'open', payload: {} }, { kind: 'intake', state: '正在接待', due: null, overdue: false }],
    ['a contact awaiting materials', { entity: 'contact', status: 'notified', payload: {} }, { kind: 'intake', state: '已告知待补材料', due: null, overdue: false }],
    ['an accepted contact is no longer open work', { entity: 'contact', status: 'accepted', payload: {} }, null],
    ['a closed contact', { entity: 'contact', status: 'closed', payload: {} }, null],
    ['an open case due today', { entity: 'service_case', status: 'open', payload: { due_date: '2026-09-15' } }, { kind: 'intake', state: '在办受理件', due: '2026-09-15', overdue: false }],
    ['an open case due yesterday', { entity: 'service_case', status: 'open', payload: { due_date: '2026-09-14' } }, { kind: 'intake', state: '在办受理件', due: '2026-09-14', overdue: true }],
    ['an open case with a pending due date', { entity: 'service_case', status: 'open', payload: { due_date: null } }, { kind: 'intake', state: '在办受理件', due: null, overdue: false }],
    ['a completed case', { entity: 'service_case', status: 'completed', payload: { due_date: '2026-09-01' } }, null],
    ['a callback overdue', { entity: 'callback', status: 'due', payload: { dueDate: '2026-09-10' } }, { kind: 'callback', state: '待回访', due: '2026-09-10', overdue: true }],
    ['a callback done', { entity: 'callback', status: 'done', payload: { dueDate: '2026-09-10' } }, null],
    ['a follow-up by its rectification deadline', { entity: 'follow_up', status: 'open', payload: { contact_due: '2026-09-01', rectify_due: '2026-09-20' } }, { kind: 'followUp', state: '整改中', due: '2026-09-20', overdue: false }],
    ['a follow-up before a rectification deadline is set', { entity: 'follow_up', status: 'open', payload: { contact_due: '2026-09-11', rectify_due: null } }, { kind: 'followUp', state: '整改中', due: '2026-09-11', overdue: true }],
    ['a complaint overdue', { entity: 'complaint', status: 'open', payload: { kind: 'complaint', deadline: '2026-09-12' } }, { kind: 'complaint', state: '投诉待处理', due: '2026-09-12', overdue: true }],
    ['a suggestion', { entity: 'complaint', status: 'open', payload: { kind: 'suggestion', deadline: '2026-09-22' } }, { kind: 'complaint', state: '建议待答复', due: '2026-09-22', overdue: false }],
    ['a resolved complaint not closed yet', { entity: 'complaint', status: 'resolved', payload: { kind: 'complaint', deadline: '2026-09-22' } }, { kind: 'complaint', state: '已处理待办结', due: '2026-09-22', overdue: false }],
    ['a closed complaint', { entity: 'complaint', status: 'closed', payload: {} }, null],
    ['a divorce in its cooling-off period', { entity: 'civil_case', status: 'accepted', payload: { kind: 'divorce', cooling_off_end: '2026-09-20', certificate_deadline: '2026-10-20' } }, { kind: 'divorce', state: '冷静期内', due: '2026-09-20', overdue: false }],
    ['a divorce awaiting registration', { entity: 'civil_case', status: 'accepted', payload: { kind: 'divorce', cooling_off_end: '2026-09-01', certificate_deadline: '2026-10-08' } }, { kind: 'divorce', state: '冷静期满，待双方领证', due: '2026-10-08', overdue: false }],
    ['a divorce past its certificate deadline', { entity: 'civil_case', status: 'accepted', payload: { kind: 'divorce', cooling_off_end: '2026-08-01', certificate_deadline: '2026-09-01' } }, { kind: 'divorce', state: '领证期限已过，待作视为撤回处理', due: '2026-09-01', overdue: true }],
    ['a divorce whose calendar is not entered', { entity: 'civil_case', status: 'accepted', payload: { kind: 'divorce', cooling_off_end: null, certificate_deadline: null } }, { kind: 'divorce', state: '期限待定（日历未录入）', due: null, overdue: false }],
    ['a registered divorce', { entity: 'civil_case', status: 'registered', payload: { kind: 'divorce' } }, null],
    ['a marriage is never open work', { entity: 'civil_case', status: 'accepted', payload: { kind: 'marriage' } }, null],
    ['another entity', { entity: 'rating', status: 'pending', payload: {} }, null],
  ])('%s', (_name, record, expected) => {
    expect(openCaseOf(record, TODAY)).toEqual(expected);
  });
});

describe('countOpenCases', () => {
  it.each([
    [[], []],
    [
      [
        { windowNo: '10', overdue: true },
        { windowNo: '2', overdue: false },
        { windowNo: '2', overdue: true },
        { windowNo: '1', overdue: false },
      ],
      [
        { windowNo: '1', open: 1, overdue: 0 },
        { windowNo: '2', open: 2, overdue: 1 },
        { windowNo: '10', open: 1, overdue: 1 },
      ],
    ],
  ])('%j', (cases, counts) => {
    expect(countOpenCases(cases)).toEqual(counts);
  });
});
