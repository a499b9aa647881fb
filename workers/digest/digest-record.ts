import { z } from 'zod';
import { DigestTiming } from '../../core/digest-cadence';
import { Conversation, DigestId, Person } from '../../core/job';
import { AnalysisPlan } from '../plan/analysis-plan';

/**
 * Where a digest's data comes from: the newest file of that name shared in the channel (a
 * re-upload is a new version), or an S3 prefix an operator linked (a nightly export), whose newest
 * object is read. Linked prefixes must be among the deployment's allowed ones.
 */
export const DigestSource = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('channel-file'), name: z.string().min(1).max(500) }),
  z.object({
    kind: z.literal('linked'),
    bucket: z.string().regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/),
    prefix: z.string().max(1024),
  }),
]);
export type DigestSource = z.infer<typeof DigestSource>;

/** What one run did, for "no new data since the last digest" and for `/analyze digests`. */
export const DigestRun = z.object({
  dueAt: z.iso.datetime(),
  finishedAt: z.iso.datetime(),
  outcome: z.enum(['posted', 'no-new-data', 'failed']),
  /** The dataset version the run read: a later run on the same version has no new data. */
  datasetId: z.string().min(1).optional(),
  /** The run's failure as a person reads it, for the owner's message. */
  failure: z.string().max(500).optional(),
});
export type DigestRun = z.infer<typeof DigestRun>;

/**
 * A digest as stored at `digests/{tenant}/{channel}/{id}.json`: the question with its plan (so a
 * run does not depend on the planner or the model answering the same way again), the data it
 * reads, when it runs, who owns it, and how its runs went. After three failed runs in a row it is
 * paused and its owner told.
 */
export const DigestRecord = z.object({
  version: z.literal(1),
  id: DigestId,
  /** The channel, as a top-level conversation (no thread). */
  conversation: Conversation,
  question: z.string().min(1).max(2000),
  plan: AnalysisPlan,
  source: DigestSource,
  timing: DigestTiming,
  owner: Person,
  createdAt: z.iso.datetime(),
  paused: z.boolean(),
  /** Failed runs since the last good one. */
  failures: z.number().int().nonnegative(),
  lastRun: DigestRun.optional(),
});
export type DigestRecord = z.infer<typeof DigestRecord>;

/** Failed runs in a row after which a digest is paused. */
export const MAX_DIGEST_FAILURES = 3;

/** The job ledger step of telling a digest's owner that a run broke on our side, so it is told once. */
export const OWNER_TOLD_OF_FAILURE = 'owner-told-of-failure';
