/**
 * The first-run wizard's two steps. The wizard checks each step with these
 * schemas before moving on, and the core checks the whole request with the
 * same ones, so a step the wizard lets through is one the core accepts.
 */
import { z } from 'zod';
import { weakPinReason } from './domain/pin';
import { optionalText, pinField, staffNoField, text } from './fields';
import { hallIdentitySchema } from './settings';
import { describeIssues, type ValidationProblem } from './validation';

export const setupHallSchema = hallIdentitySchema.strict();

export const setupSupervisorSchema = z.object({ name: text(1, 20, 'name'), staffNo: staffNoField, title: optionalText(20), pin: pinField }).strict();

export const setupRequestSchema = z.object({ hall: setupHallSchema, supervisor: setupSupervisorSchema }).strict();

export type SetupStep = 'hall' | 'supervisor';

/**
 * The problems of one step, keyed as in the whole request (hall.windowNo,
 * supervisor.pin), or null when the step may move on. The supervisor's PIN
 * must also be one a colleague could not guess (the core refuses it alike).
 */
export function setupStepProblem(step: SetupStep, value: unknown): ValidationProblem | null {
  if (step === 'hall') {
    const hall = setupHallSchema.safeParse(value);
    return hall.success ? null : underStep(step, hall.error);
  }
  const supervisor = setupSupervisorSchema.safeParse(value);
  if (!supervisor.success) return underStep(step, supervisor.error);
  const weak = weakPinReason(supervisor.data.pin);
  return weak ? { message: `请检查输入：${weak}`, fields: { 'supervisor.pin': weak } } : null;
}

function underStep(step: SetupStep, error: z.ZodError): ValidationProblem {
  return describeIssues(new z.ZodError(error.issues.map((issue) => ({ ...issue, path: [step, ...issue.path] }))));
}
