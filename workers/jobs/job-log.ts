/**
 * Where the worker's log lines go. Powertools' `Logger` fits it: the
 * attributes become keys of one structured JSON line.
 */
export interface LogSink {
  info(message: string, attributes: Record<string, unknown>): void;
  warn(message: string, attributes: Record<string, unknown>): void;
  error(message: string, attributes: Record<string, unknown>): void;
}

/** The logging a job does: every line also carries the job's keys (see `withKeys`). */
export interface JobLogger {
  info(message: string, attributes?: Record<string, unknown>): void;
  warn(message: string, attributes?: Record<string, unknown>): void;
  error(message: string, attributes?: Record<string, unknown>): void;
}

/** Counters and timings; Powertools' `Metrics` fits it. */
export interface JobMetrics {
  addMetric(name: 'JobsSucceeded' | 'JobsFailed' | 'JobDuration', unit: 'Count' | 'Milliseconds', value: number): void;
}

/** A logger that adds the same keys (the job id, its kind) to every line. */
export function withKeys(logger: LogSink, keys: Record<string, unknown>): JobLogger {
  return {
    info: (message, attributes) => logger.info(message, { ...keys, ...attributes }),
    warn: (message, attributes) => logger.warn(message, { ...keys, ...attributes }),
    error: (message, attributes) => logger.error(message, { ...keys, ...attributes }),
  };
}

const TOKEN = /\b(xox[a-z]|xapp)-[A-Za-z0-9-]+/g;

/**
 * An error as a log line may show it: name, code and the first line of the
 * message, with anything shaped like a Slack token masked. Never the error
 * object itself: HTTP client errors carry their request, Authorization header included.
 */
export function errorFields(error: unknown): { name: string; code?: string; message: string } {
  if (!(error instanceof Error))
    return { name: typeof error, message: String(error).slice(0, 300).replace(TOKEN, '$1-…') };
  const code = (error as { code?: unknown }).code;
  return {
    name: error.name,
    ...(typeof code === 'string' ? { code } : {}),
    message: (error.message.split('\n')[0] ?? '').slice(0, 300).replace(TOKEN, '$1-…'),
  };
}
