/** Every way the CDK app can refuse to synthesize; each message says what to change. */
export type InfraErrorCode = 'INFRA_SETTINGS_INVALID' | 'INFRA_BUNDLING_FAILED';

export class InfraError extends Error {
  constructor(
    readonly code: InfraErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'InfraError';
  }
}
