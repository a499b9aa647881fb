import { createRequire } from 'node:module';
import type { APIGatewayProxyEvent, APIGatewayProxyResult, Context } from 'aws-lambda';

/**
 * Runs in a fresh Node process, bundled on its own by the Teams edge bench: loads the Teams edge
 * bundle, handles one signed channel-thread follow-up (the cold start, marked on stdout when it is
 * answered), then `warm` more on the same handler, each a new activity under the same token.
 * Kept free of the test harness, which would load the edge's own modules before the bundle.
 * Usage: node teams-edge-child.js <bundle.js> <warm> <service-url> <token> <tenant>
 */
type Handler = (event: APIGatewayProxyEvent, context: Context) => Promise<APIGatewayProxyResult>;

const CHANNEL = '19:benchChannel@thread.tacv2';

function followUp(serviceUrl: string, token: string, tenant: string, n: number): APIGatewayProxyEvent {
  const id = String(1_800_000_000_000 + n);
  const activity = {
    type: 'message',
    id,
    timestamp: new Date().toISOString(),
    serviceUrl,
    channelId: 'msteams',
    from: { id: '29:1bench', aadObjectId: '6b9f1d3c-0e7a-4b7e-9a3e-bbbbbbbbbbbb', name: 'Bench' },
    recipient: { id: '28:bench', name: 'Analytics' },
    conversation: {
      id: `${CHANNEL};messageid=1700000000000`,
      conversationType: 'channel',
      tenantId: tenant,
      isGroup: true,
    },
    text: `and by region ${n}?`,
    textFormat: 'plain',
    attachments: [],
    entities: [],
    channelData: { tenant: { id: tenant }, team: { id: '19:benchTeam@thread.tacv2' }, channel: { id: CHANNEL } },
  };
  return {
    httpMethod: 'POST',
    path: '/teams/messages',
    resource: '/teams/messages',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
    body: JSON.stringify(activity),
    isBase64Encoded: false,
  } as unknown as APIGatewayProxyEvent;
}

const context = {
  functionName: 'teams-edge-bench',
  awsRequestId: 'bench',
  getRemainingTimeInMillis: () => 30_000,
} as unknown as Context;

async function main(): Promise<void> {
  const [bundlePath = '', warm = '0', serviceUrl = '', token = '', tenant = ''] = process.argv.slice(2);
  const started = performance.now();
  const { handler } = createRequire(__filename)(bundlePath) as { handler: Handler };
  const loaded = performance.now();
  const first = await handler(followUp(serviceUrl, token, tenant, 0), context);
  const answered = performance.now();
  process.stdout.write(`EDGE-COLD ${JSON.stringify({ status: first.statusCode })}\n`);
  const latencies: number[] = [];
  const statuses = new Set<number>([first.statusCode]);
  for (let i = 1; i <= Number(warm); i++) {
    const request = followUp(serviceUrl, token, tenant, i);
    const at = performance.now();
    statuses.add((await handler(request, context)).statusCode);
    latencies.push(performance.now() - at);
  }
  const result = { loadMs: loaded - started, firstMs: answered - loaded, latencies, statuses: [...statuses] };
  process.stdout.write(`EDGE-RESULT ${JSON.stringify(result)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exitCode = 1;
});
