import { createHash } from 'node:crypto';
import { z } from 'zod';

/** Slack ids (`T0123ABC`, `C0456DEF`, `U…`, `E…` for Enterprise Grid): upper-case letters and digits only. */
const SlackId = z.string().regex(/^[A-Z0-9]{2,32}$/, 'not a Slack id');
/** Slack message timestamps (`1700000000.123456`) double as message and thread ids. */
const SlackTs = z.string().regex(/^\d{9,11}\.\d{1,8}$/, 'not a Slack message timestamp');

export const SlackConversation = z.object({
  platform: z.literal('slack'),
  team: SlackId,
  channel: SlackId,
  /** The thread the reply belongs in; absent for a slash command, whose announcement message starts one. */
  thread: SlackTs.optional(),
});
export type SlackConversation = z.infer<typeof SlackConversation>;

/**
 * Where a Teams conversation lives. Ids are Bot Framework's: `19:…@thread.tacv2` for a channel,
 * `19:…@thread.v2` for a group chat, `a:…` for a personal chat. `conversationId` never carries the
 * `;messageid=` suffix: the thread is `thread`, and the connector address is built from both.
 */
export const TeamsConversation = z.object({
  platform: z.literal('teams'),
  /** The Microsoft Entra tenant (a GUID): the storage scope's tenant. */
  tenant: z.string().regex(/^[0-9a-fA-F-]{36}$/, 'not a tenant id'),
  conversationId: z
    .string()
    .min(1)
    .max(500)
    .refine((id) => !id.includes(';'), 'a conversation id without ;messageid='),
  conversationType: z.enum(['personal', 'groupChat', 'channel']),
  /** The Bot Connector base the conversation is served from; replies go there, never elsewhere. */
  serviceUrl: z.url({ protocol: /^https?$/ }),
  /** Channels only: the team (`19:…`, the General channel's id) and its Microsoft 365 group id when known (Graph needs it). */
  team: z.string().min(1).max(500).optional(),
  teamGroupId: z.string().max(100).optional(),
  /** Channels only: the channel, same form as the conversation id. */
  channel: z.string().min(1).max(500).optional(),
  /** Channels only: the root message of the thread the reply belongs in. */
  thread: z.string().min(1).max(200).optional(),
});
export type TeamsConversation = z.infer<typeof TeamsConversation>;

/** A channel of the local playground (`npm start` in a browser); messages carry the page's own ids. */
export const PlaygroundConversation = z.object({
  platform: z.literal('playground'),
  channel: z.string().regex(/^[a-z0-9-]{1,40}$/, 'not a playground channel'),
  thread: z.uuid().optional(),
});
export type PlaygroundConversation = z.infer<typeof PlaygroundConversation>;

export const Conversation = z.discriminatedUnion('platform', [
  SlackConversation,
  TeamsConversation,
  PlaygroundConversation,
]);
export type Conversation = z.infer<typeof Conversation>;

export const Person = z.object({ id: z.string().min(1).max(200), name: z.string().max(200).optional() });

/** The message the edge posted to say "working on it"; the worker edits it into progress and the answer. */
export const Placeholder = z.object({ channel: z.string().min(1), ts: z.string().min(1) });
export type Placeholder = z.infer<typeof Placeholder>;

const JobBase = {
  version: z.literal(1),
  /** Derived from the platform's event id (see `jobIdFor`), so a redelivered event has the same job id. */
  id: z.string().regex(/^j[0-9a-f]{24}$/),
  conversation: Conversation,
  requestedBy: Person,
  placeholder: Placeholder.optional(),
  receivedAt: z.iso.datetime(),
};

/** A file shared where the bot can see it. The queue carries where to fetch it, never its bytes. */
export const IngestJob = z
  .object({
    ...JobBase,
    kind: z.literal('ingest'),
    /** A file the worker downloads by URL: Slack's, or a Teams personal chat's (short-lived: fetched first). */
    file: z
      .object({
        id: z.string().min(1).max(200),
        name: z.string().min(1).max(500),
        /** Teams does not say; the worker then enforces the limit while it streams. */
        size: z.number().int().nonnegative().optional(),
        downloadUrl: z.url(),
        mimetype: z.string().max(200).optional(),
      })
      .optional(),
    /**
     * A Teams channel or group-chat message with files: the activity only carries its HTML, so the
     * worker reads the message through Graph (resource-specific consent) and downloads from there.
     */
    teamsMessage: z
      .object({
        /** The message with the files; in a channel thread, `root` is the thread's first message. */
        id: z.string().min(1).max(200),
        root: z.string().min(1).max(200).optional(),
      })
      .optional(),
    /** The message that shared the file, so the worker can react on it and answer in its thread. */
    message: z.string().optional(),
    /** Text typed with the file, asked as a question once the file is read. */
    question: z.string().max(2000).optional(),
  })
  .refine((job) => Boolean(job.file) !== Boolean(job.teamsMessage), {
    message: 'An ingest job carries either a file or a Teams message, not both.',
  });
export type IngestJob = z.infer<typeof IngestJob>;

export const QuestionJob = z.object({
  ...JobBase,
  kind: z.literal('question'),
  text: z.string().min(1).max(2000),
  /** How it was asked; a button carries the dataset it belongs to. */
  via: z.enum(['command', 'mention', 'thread', 'button']),
  dataset: z.string().optional(),
});
export type QuestionJob = z.infer<typeof QuestionJob>;

/** `/analyze list`, `/analyze help`: answered from the channel's catalog. */
export const CommandJob = z.object({
  ...JobBase,
  kind: z.literal('command'),
  command: z.enum(['list', 'help']),
});
export type CommandJob = z.infer<typeof CommandJob>;

/** "Show SQL" and "Download CSV" on an answer: they need the stored answer, so the worker serves them. */
export const ExportJob = z.object({
  ...JobBase,
  kind: z.literal('export'),
  format: z.enum(['sql', 'csv']),
  /** The job id of the answer the button was on. */
  answer: z.string().regex(/^j[0-9a-f]{24}$/),
});
export type ExportJob = z.infer<typeof ExportJob>;

/**
 * Teams installed or removed the bot in a conversation (`installationUpdate`, `conversationUpdate`):
 * the worker keeps the conversation reference, which scheduled digests need to post unprompted.
 */
export const InstallJob = z.object({
  ...JobBase,
  kind: z.literal('install'),
  action: z.enum(['add', 'remove']),
});
export type InstallJob = z.infer<typeof InstallJob>;

export const Job = z.discriminatedUnion('kind', [IngestJob, QuestionJob, CommandJob, ExportJob, InstallJob]);
export type Job = z.infer<typeof Job>;
export type JobKind = Job['kind'];

/**
 * The job id for a platform event: the same event (a Slack retry, a redelivery)
 * always gets the same id, which is what the queue deduplicates on and what the
 * worker's ledger remembers.
 */
export function jobIdFor(platform: Conversation['platform'], eventKey: string): string {
  return `j${createHash('sha256').update(`${platform}:${eventKey}`).digest('hex').slice(0, 24)}`;
}

/**
 * A short id to quote to the person and to support: the start of the job id,
 * which every log line about the job carries. The edge and the worker both use it.
 */
export function referenceOf(jobId: string): string {
  return jobId.slice(1, 9);
}

/** Tenant and channel: the only way into stored datasets, threads and charts. */
export interface Scope {
  tenant: string;
  channel: string;
}

/**
 * Slack team ids are upper-case (`T…`) and Teams tenant ids are lower-case GUIDs, and a Teams
 * channel is hashed behind a `t`, so the two platforms never share a scope. Teams conversation
 * ids hold `:`, `@` and `;`, which do not belong in storage keys; Slack ids are already safe.
 */
export function scopeOf(conversation: Conversation): Scope {
  if (conversation.platform === 'slack') return { tenant: conversation.team, channel: conversation.channel };
  // Lower case, so never a Slack team id (upper case) nor a Teams tenant (a GUID).
  if (conversation.platform === 'playground') return { tenant: 'playground', channel: conversation.channel };
  const where = (conversation.channel ?? conversation.conversationId).split(';')[0] ?? '';
  return {
    tenant: conversation.tenant.toLowerCase(),
    channel: `t${createHash('sha256').update(where).digest('hex').slice(0, 32)}`,
  };
}

/** The FIFO message group: one conversation's jobs run in order, different conversations in parallel. */
export function messageGroupOf(conversation: Conversation): string {
  const scope = scopeOf(conversation);
  return `${scope.tenant}.${scope.channel}`;
}
