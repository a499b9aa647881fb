import { LOCAL_SECRET_VARIABLES, type Environment } from './config';
import type { SecretName, SecretSource } from './secret-source';

/** Secrets from environment variables (and `.env`), for the local runner and the CLI. */
export class EnvSecretSource implements SecretSource {
  constructor(private readonly env: Environment) {}

  async get(name: SecretName): Promise<string | undefined> {
    const value = this.env[LOCAL_SECRET_VARIABLES[name]]?.trim();
    return value ? value : undefined;
  }
}
