import { Duration } from 'aws-cdk-lib';
import type { RestApi } from 'aws-cdk-lib/aws-apigateway';
import { AlarmStatusWidget, Dashboard, GraphWidget, Metric, type IAlarm } from 'aws-cdk-lib/aws-cloudwatch';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { appMetric, type MetricsSource } from './app-metrics';

export interface BotDashboardProps {
  dashboardName: string;
  metrics: MetricsSource;
  edge: IFunction;
  teamsEdge: IFunction;
  teamsFiles: IFunction;
  worker: IFunction;
  deadLetterConsumer: IFunction;
  jobQueue: IQueue;
  deadLetterQueue: IQueue;
  api: RestApi;
  /** The WAF web ACL's name. */
  webAclName: string;
  alarms: IAlarm[];
}

/** One dashboard: what users see (jobs, latency), then what each part of the flow is doing. */
export class BotDashboard extends Construct {
  readonly dashboard: Dashboard;

  constructor(scope: Construct, id: string, props: BotDashboardProps) {
    super(scope, id);
    const m = props.metrics;
    const width = 8;
    const percentiles = (name: 'AckLatency' | 'JobDuration' | 'ModelLatency') =>
      ['p50', 'p95', 'p99'].map((statistic) => appMetric(m, name, { statistic, label: `${name} ${statistic}` }));

    this.dashboard = new Dashboard(this, 'Dashboard', {
      dashboardName: props.dashboardName,
      defaultInterval: Duration.days(7),
    });
    this.dashboard.addWidgets(new AlarmStatusWidget({ title: 'Alarms', alarms: props.alarms, width: 24, height: 3 }));
    this.dashboard.addWidgets(
      new GraphWidget({
        title: 'Jobs',
        width,
        left: [
          appMetric(m, 'JobsSucceeded'),
          appMetric(m, 'JobsFailed'),
          appMetric(m, 'DeadLetters'),
          appMetric(m, 'ModelFallback'),
          appMetric(m, 'NarrativeFallback'),
        ],
      }),
      new GraphWidget({ title: 'Ack latency (ms; Slack allows 3,000)', width, left: percentiles('AckLatency') }),
      new GraphWidget({ title: 'Job duration (ms)', width, left: percentiles('JobDuration') }),
    );
    this.dashboard.addWidgets(
      new GraphWidget({ title: 'LLM latency (ms)', width, left: percentiles('ModelLatency') }),
      new GraphWidget({
        title: 'Lambda errors and throttles',
        width,
        left: [props.edge, props.teamsEdge, props.teamsFiles, props.worker, props.deadLetterConsumer].flatMap((fn) => [
          fn.metricErrors(),
          fn.metricThrottles(),
        ]),
      }),
      new GraphWidget({
        title: 'Lambda duration p95 (ms)',
        width,
        left: [props.edge, props.teamsEdge, props.teamsFiles, props.worker].map((fn) =>
          fn.metricDuration({ statistic: 'p95' }),
        ),
      }),
    );
    this.dashboard.addWidgets(
      new GraphWidget({
        title: 'Job queue',
        width,
        left: [
          props.jobQueue.metricApproximateNumberOfMessagesVisible(),
          props.jobQueue.metricApproximateNumberOfMessagesNotVisible(),
          props.deadLetterQueue.metricApproximateNumberOfMessagesVisible({ label: 'Dead letters' }),
        ],
        right: [props.jobQueue.metricApproximateAgeOfOldestMessage({ statistic: 'Maximum' })],
      }),
      new GraphWidget({
        title: 'API requests and errors',
        width,
        left: [
          props.api.metricCount({ statistic: 'Sum' }),
          props.api.metricClientError({ statistic: 'Sum' }),
          props.api.metricServerError({ statistic: 'Sum' }),
        ],
        right: [props.api.metricLatency({ statistic: 'p95' })],
      }),
      new GraphWidget({
        title: 'WAF blocked requests',
        width,
        left: [
          new Metric({
            namespace: 'AWS/WAFV2',
            metricName: 'BlockedRequests',
            dimensionsMap: { WebACL: props.webAclName, Rule: 'ALL', Region: props.api.stack.region },
            statistic: 'Sum',
          }),
        ],
      }),
    );
  }
}
