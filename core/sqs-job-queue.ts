import { SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { Job, messageGroupOf } from './job';
import { JobQueueError, type JobQueue } from './job-queue';

/**
 * SQS FIFO: one message group per conversation keeps a channel's jobs in
 * order, and the job id as deduplication id drops a redelivered event inside
 * SQS's five-minute window. The client honours `AWS_ENDPOINT_URL_SQS`.
 */
export class SqsJobQueue implements JobQueue {
  constructor(
    private readonly queueUrl: string,
    private readonly client: SQSClient = new SQSClient({}),
  ) {}

  async enqueue(job: Job, options: { signal?: AbortSignal } = {}): Promise<void> {
    const body = JSON.stringify(Job.parse(job));
    try {
      await this.client.send(
        new SendMessageCommand({
          QueueUrl: this.queueUrl,
          MessageBody: body,
          MessageGroupId: messageGroupOf(job.conversation),
          MessageDeduplicationId: job.id,
        }),
        { abortSignal: options.signal },
      );
    } catch (error) {
      throw new JobQueueError(`The job queue is unavailable (${(error as Error).name}).`, { cause: error });
    }
  }
}
