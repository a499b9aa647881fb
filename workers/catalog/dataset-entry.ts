import { z } from 'zod';
import { DatasetMeta } from '../../core/dataset';

/**
 * A dataset as the channel's catalog knows it, stored as its `meta.json`: the
 * profile the planner needs plus who added it, when, and the questions offered
 * for it (computed once at ingest, so `help` needs no database).
 */
export const DatasetEntry = DatasetMeta.extend({
  id: z.string().min(1),
  addedBy: z.object({ id: z.string().min(1), name: z.string().optional() }),
  addedAt: z.iso.datetime(),
  suggestions: z.array(z.string()),
  /** An operator's export a digest read, not a file shared in the channel: the object and when it was written. */
  linked: z.object({ bucket: z.string().min(1), key: z.string().min(1), writtenAt: z.iso.datetime() }).optional(),
});
export type DatasetEntry = z.infer<typeof DatasetEntry>;
