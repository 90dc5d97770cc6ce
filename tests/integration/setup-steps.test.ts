/** The wizard's step check and the core's check of the whole setup request agree, field by field. */
import { afterAll, describe, expect, it } from 'vitest';
import { setupStepProblem } from '../../shared/setup';
import { cleanupAll, createTestCore, expectError, expectOk, fileBytes, HALL, SUPERVISOR } from '../support/core';

afterAll(cleanupAll);

describe('setup.complete and the wizard steps', () => {
  it.each<[string, typeof HALL, { name: string; staffNo: string; title: string; pin: string }]>([
    ['an empty hall step', { hallName: '', department: '', windowNo: '', complaintPhone: '', supervisionPhone: '', leaderOnDuty: '' }, SUPERVISOR],
    ['a bad phone', { ...HALL, complaintPhone: '电话' }, SUPERVISOR],
    ['an empty supervisor', HALL, { name: '', staffNo: '', title: '', pin: '' }],
    ['a guessable PIN', HALL, { ...SUPERVISOR, pin: '111111' }],
  ])('%s: the core refuses with the messages the wizard shows, writing nothing', async (_name, hall, supervisor) => {
    const t = createTestCore();
    const wizard = { ...setupStepProblem('hall', hall)?.fields, ...setupStepProblem('supervisor', supervisor)?.fields };
    expect(Object.keys(wizard).length).toBeGreaterThan(0);
    const error = expectError(await t.core.call('setup.complete', { hall, supervisor }), 'VALIDATION');
    expect(error.fields).toEqual(wizard);
    expect(fileBytes(t.settingsPath)).toBeNull();
    expect(expectOk(await t.core.call('app.info', {})).setupComplete).toBe(false);
  });

  it('what both steps let through, the core accepts', async () => {
    const t = createTestCore();
    expect(setupStepProblem('hall', HALL)).toBeNull();
    expect(setupStepProblem('supervisor', SUPERVISOR)).toBeNull();
    expect(expectOk(await t.core.call('setup.complete', { hall: HALL, supervisor: SUPERVISOR })).setupComplete).toBe(true);
  });
});
