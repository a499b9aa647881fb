import type { Logger } from '@aws-lambda-powertools/logger';
import type { Metrics } from '@aws-lambda-powertools/metrics';
import type { LlmConfig } from '../../core/config';
import type { SecretSource } from '../../core/secret-source';
import { createLanguageModel, type LanguageModel } from './language-model';

/** What a job asks for when it has a question: the model, or undefined for the offline planner. */
export type LanguageModelSource = () => Promise<LanguageModel | undefined>;

/**
 * The worker's model, with the key read from the secret source for every job
 * (the Secrets Manager source caches it, so this costs no call most times):
 * a key set after the worker started turns the model on, a rotated key is
 * used within 5 minutes (the secret source's cache). The model is made again
 * only when the key changes, so its circuit breaker remembers an outage across
 * jobs. A secret store that cannot be read is no reason to leave a question
 * unanswered: that job is planned offline and the next one tries the store again.
 */
export function languageModelSource(
  secrets: SecretSource,
  config: LlmConfig,
  observe: { logger?: Logger; metrics?: Metrics } = {},
): LanguageModelSource {
  let made: { apiKey: string | undefined; model: LanguageModel | undefined } | undefined;
  return async () => {
    let apiKey: string | undefined;
    try {
      apiKey = await secrets.get('nvidiaApiKey');
    } catch (error) {
      observe.logger?.warn('The NVIDIA API key could not be read; planning offline', {
        error: (error as Error).name,
      });
      return undefined;
    }
    if (made === undefined || made.apiKey !== apiKey)
      made = { apiKey, model: createLanguageModel({ ...config, apiKey, ...observe }) };
    return made.model;
  };
}
