import { actionsOf, getAtt, logicalId, policyStatements, propertiesOf, synthesize } from './synth';

// One synth for the file: the dead-letter consumer and the queue it empties.
const { template } = synthesize();
const consumer = propertiesOf(template, 'AWS::Lambda::Function', 'DeadLettersFunction');
const consumerId = logicalId(template, 'AWS::Lambda::Function', 'DeadLettersFunction');
const deadLetterQueue = propertiesOf(template, 'AWS::SQS::Queue', 'JobQueueDeadLetters');
const deadLettersArn = getAtt(template, 'AWS::SQS::Queue', 'JobQueueDeadLetters');

describe('Dead-letter consumer', () => {
  it('consumes the job queue’s dead-letter queue, reporting the records it could not keep', () => {
    template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      EventSourceArn: deadLettersArn,
      FunctionName: { Ref: consumerId },
      FunctionResponseTypes: ['ReportBatchItemFailures'],
    });
  });

  it('hides a record it is handling for longer than it can take, so no dead letter is handled twice at once', () => {
    expect(deadLetterQueue.VisibilityTimeout).toBeGreaterThanOrEqual(consumer.Timeout as number);
  });

  it('runs as the dead-letters service, with the Slack secret only and no VPC', () => {
    const { Variables } = consumer.Environment as { Variables: Record<string, unknown> };

    expect(Variables.POWERTOOLS_SERVICE_NAME).toBe('dead-letters');
    expect(Object.keys(Variables).filter((name) => name.endsWith('_SECRET_ARN'))).toEqual(['SLACK_SECRET_ARN']);
    expect(consumer.VpcConfig).toBeUndefined();
  });

  it('may write only dead-letter records and read only job ledgers in the bucket', () => {
    const s3 = policyStatements(template)
      .filter(({ policy }) => policy.startsWith('DeadLetters'))
      .filter(({ statement }) => actionsOf(statement).some((action) => action.startsWith('s3:')));

    expect(s3.map(({ statement }) => [actionsOf(statement), JSON.stringify(statement.Resource)])).toEqual([
      [['s3:PutObject'], expect.stringContaining('/dead-letters/*')],
      [['s3:GetObject'], expect.stringContaining('/jobs/*')],
    ]);
  });
});
