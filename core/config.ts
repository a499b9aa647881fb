import { z } from 'zod';

/** Thrown when the environment holds a value the bot cannot use; names the variable. */
export class ConfigError extends Error {
  readonly code = 'CONFIG_INVALID';
}

const MB = 1024 * 1024;

const Env = z.object({
  MAX_UPLOAD_MB: z.coerce.number().positive().default(200),
  MAX_UNZIPPED_MB: z.coerce.number().positive().default(1024),
});

export interface Config {
  /** Files larger than this are refused before they are read. */
  maxUploadBytes: number;
  /** An xlsx whose parts would inflate past this is refused as a zip bomb. */
  maxUnzippedBytes: number;
}

/** Reads the environment once; every other module gets its settings from here. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = Env.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ConfigError(`Environment variable ${String(issue?.path[0])} is invalid: ${issue?.message}`);
  }
  return {
    maxUploadBytes: Math.round(parsed.data.MAX_UPLOAD_MB * MB),
    maxUnzippedBytes: Math.round(parsed.data.MAX_UNZIPPED_MB * MB),
  };
}
