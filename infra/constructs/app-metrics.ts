import { Duration } from 'aws-cdk-lib';
import { Metric } from 'aws-cdk-lib/aws-cloudwatch';

/**
 * The Powertools service name of each function (POWERTOOLS_SERVICE_NAME). Powertools adds it to
 * every metric as the one dimension `service`, so it is part of each metric's identity.
 */
export const SERVICE_NAMES = {
  edge: 'slack-edge',
  teamsEdge: 'teams-edge',
  teamsFiles: 'teams-files',
  worker: 'analytics-worker',
  deadLetters: 'dead-letters',
} as const;

/** The metrics the bot emits with Powertools (EMF), which function emits each, and how to read it. */
export const APP_METRICS = {
  /** A job answered. */
  JobsSucceeded: { emittedBy: 'worker', statistic: 'Sum' },
  /** A job ended in an error reply. */
  JobsFailed: { emittedBy: 'worker', statistic: 'Sum' },
  /** Request received → ack sent, ms. */
  AckLatency: { emittedBy: 'edge', statistic: 'p95' },
  /** Job received → reply posted, ms. */
  JobDuration: { emittedBy: 'worker', statistic: 'p95' },
  /** One call to the language model, ms. */
  ModelLatency: { emittedBy: 'worker', statistic: 'p95' },
  /** The model failed, timed out or answered wrongly, and the offline planner answered. */
  ModelFallback: { emittedBy: 'worker', statistic: 'Sum' },
  /** A job reached the dead-letter queue (its person was told and its record kept); the alarm watches this. */
  DeadLetters: { emittedBy: 'deadLetters', statistic: 'Sum' },
  /** The model's narrative failed the number check or did not come, and the template text was posted. */
  NarrativeFallback: { emittedBy: 'worker', statistic: 'Sum' },
} as const;

export type AppMetricName = keyof typeof APP_METRICS;

/** Where the metrics live: the Powertools namespace the functions are given. */
export interface MetricsSource {
  namespace: string;
}

/** One of the bot's metrics, with its usual statistic unless another is asked for. */
export function appMetric(
  source: MetricsSource,
  name: AppMetricName,
  options: { statistic?: string; period?: Duration; label?: string } = {},
): Metric {
  return new Metric({
    namespace: source.namespace,
    metricName: name,
    dimensionsMap: { service: SERVICE_NAMES[APP_METRICS[name].emittedBy] },
    statistic: options.statistic ?? APP_METRICS[name].statistic,
    period: options.period ?? Duration.minutes(5),
    label: options.label,
  });
}
