import {
  CreateScheduleCommand,
  DeleteScheduleCommand,
  GetScheduleCommand,
  ResourceNotFoundException,
  UpdateScheduleCommand,
  type CreateScheduleCommandInput,
  type SchedulerClient,
  type Target,
} from '@aws-sdk/client-scheduler';
import { eventBridgeCron } from './digest-cadence';
import {
  DigestScheduleMissingError,
  DigestSchedulerError,
  triggerTemplate,
  type DigestSchedule,
  type DigestScheduler,
} from './digest-scheduler';
import { messageGroupOf } from './job';

export interface EventBridgeDigestSchedulerOptions {
  client: SchedulerClient;
  /** The stack's schedule group; the worker's IAM allows schedules in it only. */
  groupName: string;
  /** The FIFO job queue, with content-based deduplication on (Scheduler sets no deduplication id). */
  queueArn: string;
  /** The role Scheduler sends with; the worker may pass only this one. */
  roleArn: string;
  deadLetterQueueArn: string;
  retryPolicy: { maximumEventAgeInSeconds: number; maximumRetryAttempts: number };
}

/**
 * One EventBridge Scheduler schedule per digest, named by the digest id, in the subscriber's time
 * zone, sending a digest trigger to the job queue. The trigger's body holds the scheduled time, so
 * the queue's content-based deduplication drops a second delivery of the same run, and the message
 * group is the channel's, so a digest waits behind the channel's questions like any job.
 */
export class EventBridgeDigestScheduler implements DigestScheduler {
  constructor(private readonly options: EventBridgeDigestSchedulerOptions) {}

  async put(schedule: DigestSchedule): Promise<void> {
    const existing = await this.current(schedule.digest);
    const definition = { ...this.definition(schedule), State: existing?.State ?? 'ENABLED' };
    await this.call(() =>
      existing
        ? this.options.client.send(new UpdateScheduleCommand(definition))
        : this.options.client.send(new CreateScheduleCommand(definition)),
    );
  }

  pause(digest: string): Promise<void> {
    return this.setState(digest, 'DISABLED');
  }

  resume(digest: string): Promise<void> {
    return this.setState(digest, 'ENABLED');
  }

  async delete(digest: string): Promise<void> {
    try {
      await this.options.client.send(new DeleteScheduleCommand({ Name: digest, GroupName: this.options.groupName }));
    } catch (error) {
      if (error instanceof ResourceNotFoundException) return;
      throw failure(error);
    }
  }

  /** UpdateSchedule replaces the whole definition, so a state change sends back what GetSchedule returned. */
  private async setState(digest: string, state: 'ENABLED' | 'DISABLED'): Promise<void> {
    const existing = await this.current(digest);
    if (!existing) throw new DigestScheduleMissingError(`The digest ${digest} has no schedule.`);
    if (existing.State === state) return;
    await this.call(() =>
      this.options.client.send(
        new UpdateScheduleCommand({
          Name: digest,
          GroupName: this.options.groupName,
          ScheduleExpression: existing.ScheduleExpression,
          ScheduleExpressionTimezone: existing.ScheduleExpressionTimezone,
          FlexibleTimeWindow: existing.FlexibleTimeWindow,
          Target: existing.Target,
          Description: existing.Description,
          State: state,
        }),
      ),
    );
  }

  private async current(digest: string) {
    try {
      return await this.options.client.send(
        new GetScheduleCommand({ Name: digest, GroupName: this.options.groupName }),
      );
    } catch (error) {
      if (error instanceof ResourceNotFoundException) return undefined;
      throw failure(error);
    }
  }

  private definition(schedule: DigestSchedule): CreateScheduleCommandInput & { Target: Target } {
    const { retryPolicy } = this.options;
    return {
      Name: schedule.digest,
      GroupName: this.options.groupName,
      Description: `Digest ${schedule.digest}`,
      ScheduleExpression: eventBridgeCron(schedule.timing),
      ScheduleExpressionTimezone: schedule.timing.timeZone,
      // A digest promised for 9:00 arrives at 9:00, not somewhere in a window after it.
      FlexibleTimeWindow: { Mode: 'OFF' },
      Target: {
        Arn: this.options.queueArn,
        RoleArn: this.options.roleArn,
        Input: triggerTemplate(schedule),
        SqsParameters: { MessageGroupId: messageGroupOf(schedule.conversation) },
        RetryPolicy: {
          MaximumEventAgeInSeconds: retryPolicy.maximumEventAgeInSeconds,
          MaximumRetryAttempts: retryPolicy.maximumRetryAttempts,
        },
        DeadLetterConfig: { Arn: this.options.deadLetterQueueArn },
      },
    };
  }

  private async call(send: () => Promise<unknown>): Promise<void> {
    try {
      await send();
    } catch (error) {
      throw failure(error);
    }
  }
}

function failure(error: unknown): DigestSchedulerError {
  return new DigestSchedulerError(`The digest scheduler is unavailable (${(error as Error).name}).`, { cause: error });
}
