import type { Logger } from '@aws-lambda-powertools/logger';
import type { Metrics } from '@aws-lambda-powertools/metrics';
import type { LlmConfig } from '../../core/config';
import type { SecretSource } from '../../core/secret-source';
import { createLanguageModel, type LanguageModel } from './language-model';

/** What a job asks for when it has a question: the model, or undefined for the offline planner. */
export type LanguageModelSource = () => Promise<LanguageModel | undefined>;

/**
 * The worker's model, made on the first question so the key is read from the
 * secret source then, and kept for the life of the process so its circuit
 * breaker remembers an outage across jobs. A secret store that cannot be read
 * is no reason to leave a question unanswered: that job is planned offline
 * and the next one tries the store again.
 */
export function languageModelSource(
  secrets: SecretSource,
  config: LlmConfig,
  observe: { logger?: Logger; metrics?: Metrics } = {},
): LanguageModelSource {
  let made: LanguageModel | undefined;
  let known = false;
  return async () => {
    if (known) return made;
    try {
      const apiKey = await secrets.get('nvidiaApiKey');
      made = createLanguageModel({ ...config, apiKey, ...observe });
      known = true;
      return made;
    } catch (error) {
      observe.logger?.warn('The NVIDIA API key could not be read; planning offline', {
        error: (error as Error).name,
      });
      return undefined;
    }
  };
}
