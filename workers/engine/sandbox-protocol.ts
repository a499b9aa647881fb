import { z } from 'zod';

/** What the sandbox process is started with (its one argument, as JSON). */
export const sandboxSettings = z.object({
  /** The DuckDB file holding the copy of the dataset's table, opened read-only. */
  database: z.string().min(1),
  memoryLimit: z.string().regex(/^\d+(\.\d+)?\s*[KMGT]i?B$/i),
  threads: z.number().int().positive(),
  timeoutMs: z.number().int().positive(),
  maxRows: z.number().int().positive(),
  /** A result bigger than this, serialised, is refused rather than sent to the worker. */
  maxResultBytes: z.number().int().positive(),
});
export type SandboxSettings = z.infer<typeof sandboxSettings>;

/**
 * The worker says when the copy of the table is written (the process starts
 * meanwhile, so loading DuckDB overlaps the copy), then asks for one checked
 * statement at a time.
 */
export const sandboxRequest = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('open') }),
  z.object({ kind: z.literal('run'), id: z.number().int(), sql: z.string() }),
]);
export type SandboxRequest = z.infer<typeof sandboxRequest>;

/** Failures the sandbox process reports; its death is seen by the worker, not reported. */
export const sandboxFailureCode = z.enum(['SQL_FAILED', 'SQL_TIMEOUT', 'SQL_TOO_MUCH_MEMORY']);

const column = z.object({ name: z.string(), typeId: z.number().int(), type: z.string() });

export const sandboxReply = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('ready') }),
  z.object({
    kind: z.literal('result'),
    id: z.number().int(),
    columns: z.array(column),
    // DuckDB's JS values (bigint, Date, nested lists and objects), carried by Node's structured clone.
    rows: z.array(z.array(z.unknown())),
    truncated: z.boolean(),
  }),
  z.object({ kind: z.literal('failure'), id: z.number().int(), code: sandboxFailureCode, message: z.string() }),
]);
export type SandboxReply = z.infer<typeof sandboxReply>;
