import type { DatasetMeta } from '../../../core/dataset';
import { PlanError, type PlanErrorCode } from '../../../workers/plan/plan-errors';
import { validatePlan } from '../../../workers/plan/validate-plan';
import { ORDERS } from './meta-fixture';

/** Validates a plan that must be refused; returns the PlanError for the message checks. */
export function rejection(plan: unknown, meta: DatasetMeta = ORDERS): PlanError {
  try {
    validatePlan(plan, meta);
  } catch (error) {
    if (error instanceof PlanError) return error;
    throw error;
  }
  throw new Error('the plan was accepted');
}

/** Expects the plan to be refused with this code and a message matching this pattern. */
export function expectRejected(plan: unknown, code: PlanErrorCode, message: RegExp): void {
  const error = rejection(plan);
  expect({ code: error.code, message: error.message }).toEqual({ code, message: expect.stringMatching(message) });
}
