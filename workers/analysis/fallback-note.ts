import type { WorkerError } from '../errors';
import type { PlanError } from '../plan/plan-errors';

/**
 * The line an answer carries when the model's part was not used, so a reader
 * knows the offline planner read their question (and, for a refused query, why).
 */
export function fallbackNote(error: WorkerError | PlanError): string {
  switch (error.code) {
    case 'MODEL_TIMEOUT':
      return 'The language model did not answer in time, so this was planned offline.';
    case 'MODEL_REPLY_INVALID':
      return "The language model's plan did not fit this dataset, so this was planned offline.";
    case 'SQL_REFUSED':
      return `The language model's query was refused (${error.message.replace(/\.$/, '')}), so this was planned offline.`;
    case 'SQL_TOO_MUCH_MEMORY':
      return "The language model's query needed too much memory, so this was planned offline.";
    case 'SQL_TIMEOUT':
    case 'SQL_FAILED':
      return "The language model's query could not be run, so this was planned offline.";
    case 'MODEL_UNAVAILABLE':
    case 'MODEL_RATE_LIMITED':
      return 'The language model was unavailable, so this was planned offline.';
    default:
      return "The language model's plan could not be computed, so this was planned offline.";
  }
}
