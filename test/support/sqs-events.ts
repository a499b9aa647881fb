import type { Context, SQSEvent, SQSRecord } from 'aws-lambda';

let sequence = 0;

/** An SQS record as Lambda hands it over: the body and the attributes the worker reads. */
export function sqsRecord(body: string, receiveCount = 1, group = 'T00000001.C0AAAAAA1'): SQSRecord {
  const id = `m-${++sequence}`;
  return {
    messageId: id,
    receiptHandle: `rh-${id}`,
    body,
    attributes: {
      ApproximateReceiveCount: String(receiveCount),
      SentTimestamp: String(Date.now()),
      SenderId: 'AIDAEXAMPLE',
      ApproximateFirstReceiveTimestamp: String(Date.now()),
      MessageGroupId: group,
      MessageDeduplicationId: id,
    },
    messageAttributes: {},
    md5OfBody: '',
    eventSource: 'aws:sqs',
    eventSourceARN: 'arn:aws:sqs:us-east-1:000000000000:jobs.fifo',
    awsRegion: 'us-east-1',
  };
}

export function sqsEvent(...records: SQSRecord[]): SQSEvent {
  return { Records: records };
}

/** The few Lambda context fields the handlers and Powertools read. */
export const lambdaContext = {
  functionName: 'worker',
  functionVersion: '$LATEST',
  invokedFunctionArn: 'arn:aws:lambda:us-east-1:000000000000:function:worker',
  memoryLimitInMB: '2048',
  awsRequestId: 'req-1',
  logGroupName: '/aws/lambda/worker',
  logStreamName: 'stream',
  callbackWaitsForEmptyEventLoop: false,
  getRemainingTimeInMillis: () => 60_000,
  done: () => undefined,
  fail: () => undefined,
  succeed: () => undefined,
} as Context;

/** The context of an invocation with only `remainingMs` left before Lambda stops it. */
export function lambdaContextWith(remainingMs: number): Context {
  return { ...lambdaContext, getRemainingTimeInMillis: () => remainingMs };
}

/** The context of an invocation Lambda stops `remainingMs` after this call, its clock running as a real one does. */
export function lambdaContextEnding(remainingMs: number): Context {
  const endsAt = Date.now() + remainingMs;
  return { ...lambdaContext, getRemainingTimeInMillis: () => Math.max(0, endsAt - Date.now()) };
}
