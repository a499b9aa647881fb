import type { Logger as BoltLogger } from '@slack/bolt';
import { LogLevel } from '@slack/bolt/dist/App';
import type { EdgeLogger } from './edge-deps';

/**
 * Bolt's and @slack/web-api's log lines, routed into our structured logger.
 * Their debug level is dropped whatever our level is: Bolt logs whole request
 * bodies and Lambda events there (user text, Slack's verification token), and
 * those must not reach the logs.
 */
export function boltLogger(logger: EdgeLogger): BoltLogger {
  const forward =
    (level: 'info' | 'warn' | 'error') =>
    (...parts: unknown[]) => {
      const error = parts.find((part): part is Error => part instanceof Error);
      const text = parts
        .filter((part) => !(part instanceof Error))
        .map((part) => (typeof part === 'string' ? part : JSON.stringify(part)))
        .join(' ');
      logger[level](text || error?.message || 'Bolt', { source: 'bolt', ...(error ? { error } : {}) });
    };
  return {
    debug: () => undefined,
    info: forward('info'),
    warn: forward('warn'),
    error: forward('error'),
    setLevel: () => undefined,
    getLevel: () => LogLevel.INFO,
    setName: () => undefined,
  };
}
