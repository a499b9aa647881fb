import { Duration } from 'aws-cdk-lib';
import { Alarm, ComparisonOperator, TreatMissingData, type IMetric } from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { appMetric, type MetricsSource } from './app-metrics';

/** Failed jobs in 15 minutes that page: one is a user who got an error reply, five is a pattern. */
const JOBS_FAILED_THRESHOLD = 5;

export interface BotAlarmsProps {
  key: IKey;
  functions: Record<string, IFunction>;
  jobQueue: IQueue;
  /** Each dead-letter queue nothing consumes, by name; one message in any of them raises its alarm. */
  deadLetterQueues: Record<string, IQueue>;
  /**
   * The job queue's dead-letter queue, which the dead-letter consumer empties: its `DeadLetters`
   * metric raises the alarm, and a message left there this long means the consumer is failing.
   */
  consumedDeadLetterQueue: { queue: IQueue; stuckAfterSeconds: number };
  queueAgeAlarmSeconds: number;
  metrics: MetricsSource;
  alarmEmail: string | undefined;
}

/** The alarms, all sent to one encrypted SNS topic (and an email address, if given). */
export class BotAlarms extends Construct {
  readonly topic: Topic;
  readonly alarms: Alarm[] = [];

  constructor(scope: Construct, id: string, props: BotAlarmsProps) {
    super(scope, id);
    this.topic = new Topic(this, 'Topic', {
      displayName: 'Analytics bot alarms',
      masterKey: props.key,
      enforceSSL: true,
    });
    if (props.alarmEmail) this.topic.addSubscription(new EmailSubscription(props.alarmEmail));

    const fiveMinutes = Duration.minutes(5);
    for (const [name, fn] of Object.entries(props.functions)) {
      this.add(`${name}Errors`, `The ${name} function threw`, fn.metricErrors({ period: fiveMinutes }), 1);
      this.add(
        `${name}Throttles`,
        `The ${name} function was throttled`,
        fn.metricThrottles({ period: fiveMinutes }),
        1,
      );
    }
    for (const [name, queue] of Object.entries(props.deadLetterQueues)) {
      this.add(
        `${name}DeadLetters`,
        `A message reached the ${name} dead-letter queue`,
        queue.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(1), statistic: 'Maximum' }),
        1,
      );
    }
    this.add(
      'JobDeadLetters',
      'A job reached the dead-letter queue (its person was told; the record is in dead-letters/)',
      appMetric(props.metrics, 'DeadLetters', { period: Duration.minutes(1) }),
      1,
    );
    const { queue: consumed, stuckAfterSeconds } = props.consumedDeadLetterQueue;
    this.add(
      'JobDeadLettersStuck',
      `A dead letter waited more than ${stuckAfterSeconds} s: the dead-letter consumer is failing`,
      consumed.metricApproximateAgeOfOldestMessage({ period: Duration.minutes(1), statistic: 'Maximum' }),
      stuckAfterSeconds,
    );
    this.add(
      'JobQueueAge',
      `The oldest job waited more than ${props.queueAgeAlarmSeconds} s`,
      props.jobQueue.metricApproximateAgeOfOldestMessage({ period: Duration.minutes(1), statistic: 'Maximum' }),
      props.queueAgeAlarmSeconds,
    );
    this.add(
      'JobsFailed',
      `${JOBS_FAILED_THRESHOLD} or more jobs failed in 15 minutes`,
      appMetric(props.metrics, 'JobsFailed', { period: Duration.minutes(15) }),
      JOBS_FAILED_THRESHOLD,
    );
  }

  private add(id: string, description: string, metric: IMetric, threshold: number): void {
    const alarm = new Alarm(this, id, {
      alarmDescription: description,
      metric,
      threshold,
      evaluationPeriods: 1,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      // No data means nothing happened: no errors, no messages.
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });
    alarm.addAlarmAction(new SnsAction(this.topic));
    alarm.addOkAction(new SnsAction(this.topic));
    this.alarms.push(alarm);
  }
}
