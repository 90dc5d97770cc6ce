import { describe, expect, it } from 'vitest';
import { setupStepProblem, type SetupStep } from '../../shared/setup';

const HALL = { hallName: '滨江区婚姻登记处', department: '滨江区民政局', windowNo: '5', complaintPhone: '0571-87654321', supervisionPhone: '12345', leaderOnDuty: '' };
const SUPERVISOR = { name: '周敏', staffNo: '8001', title: '', pin: '482915' };
const EMPTY_HALL = { hallName: '', department: '', windowNo: '', complaintPhone: '', supervisionPhone: '', leaderOnDuty: '' };

describe('setupStepProblem', () => {
  it.each<[string, SetupStep, object, Record<string, string> | null]>([
    ['a complete hall step', 'hall', HALL, null],
    ['a complete supervisor step', 'supervisor', SUPERVISOR, null],
    ['an empty hall step: every required field', 'hall', EMPTY_HALL, {
      'hall.hallName': '大厅名称：不能为空',
      'hall.department': '所属部门：不能为空',
      'hall.windowNo': '窗口号只能是 1 到 8 位字母、数字或短横线',
      'hall.complaintPhone': expect.stringMatching(/^投诉电话：/) as string,
      'hall.supervisionPhone': expect.stringMatching(/^监督电话：/) as string,
    }],
    ['blank text is empty', 'hall', { ...HALL, hallName: '   ' }, { 'hall.hallName': '大厅名称：不能为空' }],
    ['a phone that is not a phone', 'hall', { ...HALL, complaintPhone: '电话' }, { 'hall.complaintPhone': expect.stringMatching(/^投诉电话：/) as string }],
    ['a window number with a space', 'hall', { ...HALL, windowNo: '3 号' }, { 'hall.windowNo': '窗口号只能是 1 到 8 位字母、数字或短横线' }],
    ['an empty supervisor step', 'supervisor', { name: '', staffNo: '', title: '', pin: '' }, {
      'supervisor.name': '姓名：不能为空',
      'supervisor.staffNo': expect.stringMatching(/^工号/) as string,
      'supervisor.pin': 'PIN 必须是 6 位数字',
    }],
    ['a PIN of one digit repeated', 'supervisor', { ...SUPERVISOR, pin: '111111' }, { 'supervisor.pin': 'PIN 不能是同一个数字重复' }],
    ['a PIN in a straight run', 'supervisor', { ...SUPERVISOR, pin: '654321' }, { 'supervisor.pin': 'PIN 不能是连续数字' }],
  ])('%s', (_name, step, value, fields) => {
    const problem = setupStepProblem(step, value);
    if (fields === null) expect(problem).toBeNull();
    else {
      expect(problem?.fields).toEqual(fields);
      expect(problem?.message).toMatch(/^请检查输入：/);
    }
  });
});
