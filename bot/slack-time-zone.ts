import type { WebClient } from '@slack/web-api';

/**
 * A person's Slack time zone (`users.info` tz), for a digest's schedule: spread into the subscribe
 * command; nothing (UTC, which the confirmation says) when Slack will not say.
 */
export async function timeZoneOf(client: WebClient, user: string): Promise<{ timeZone?: string }> {
  try {
    const { user: found } = await client.users.info({ user });
    return found?.tz ? { timeZone: found.tz } : {};
  } catch {
    return {};
  }
}
