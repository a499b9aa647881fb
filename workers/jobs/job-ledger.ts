import { z } from 'zod';
import type { ChannelCatalog } from '../catalog/channel-catalog';
import { AnswerRecord } from './answer-record';

const LedgerRecord = z.object({
  version: z.literal(1),
  done: z.boolean(),
  /** Results of the steps that reached the conversation or storage (a message id, a file id), by step name. */
  steps: z.record(z.string(), z.json()),
  answer: AnswerRecord.optional(),
});
type LedgerRecord = z.infer<typeof LedgerRecord>;

/**
 * What one job has already done, stored with the channel's data. SQS
 * delivers at least once and a worker can die mid-job, so every step with an
 * effect people see (a message posted, a file uploaded) runs through `once`:
 * a retry finds the step recorded and reuses its result instead of posting twice.
 * A delivery given up at its time limit may still be running: once `signal`
 * aborts, it starts no step and cannot mark the job done, so its retry does the work.
 */
export class JobLedger {
  private constructor(
    private readonly catalog: ChannelCatalog,
    private readonly jobId: string,
    private record: LedgerRecord,
    private readonly signal: AbortSignal | undefined,
  ) {}

  /** The job's ledger in its channel's catalog (`storageKeys.jobLedger`). */
  static async open(catalog: ChannelCatalog, jobId: string, signal?: AbortSignal): Promise<JobLedger> {
    const stored = await catalog.jobRecord(jobId);
    const record = stored === undefined ? { version: 1 as const, done: false, steps: {} } : LedgerRecord.parse(stored);
    return new JobLedger(catalog, jobId, record, signal);
  }

  /** Another job's answer, read only: an export reads the answer its button was on, in the same channel. */
  static async answerOf(catalog: ChannelCatalog, jobId: string): Promise<AnswerRecord | undefined> {
    return (await JobLedger.open(catalog, jobId)).record.answer;
  }

  get done(): boolean {
    return this.record.done;
  }

  /** The recorded result of a step, if it ran. */
  result(step: string): z.core.util.JSONType | undefined {
    return this.record.steps[step];
  }

  /** Runs `run` unless `step` already ran for this job, and records its result before returning it. */
  async once<T extends z.core.util.JSONType>(step: string, run: () => Promise<T>): Promise<T> {
    if (step in this.record.steps) return this.record.steps[step] as T;
    this.signal?.throwIfAborted();
    const value = await run();
    await this.save({ ...this.record, steps: { ...this.record.steps, [step]: value } });
    return value;
  }

  async saveAnswer(answer: AnswerRecord): Promise<void> {
    await this.save({ ...this.record, answer });
  }

  /** A finished job is acknowledged without doing anything when it is delivered again. */
  async finish(): Promise<void> {
    this.signal?.throwIfAborted();
    await this.save({ ...this.record, done: true });
  }

  private async save(record: LedgerRecord): Promise<void> {
    await this.catalog.saveJobRecord(this.jobId, record);
    this.record = record;
  }
}
