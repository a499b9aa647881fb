/** The secrets the bot knows about. Each adapter decides where a name lives. */
export type SecretName =
  | 'slackSigningSecret'
  | 'slackBotToken'
  | 'slackAppToken'
  | 'nvidiaApiKey'
  | 'teamsAppId'
  | 'teamsAppPassword'
  | 'teamsTenantId';

/**
 * Where secrets come from: Secrets Manager in AWS, the environment locally.
 * `undefined` means "not configured", which switches the feature off (no
 * NVIDIA key → the offline planner); a source that cannot be reached throws.
 */
export interface SecretSource {
  get(name: SecretName): Promise<string | undefined>;
}
