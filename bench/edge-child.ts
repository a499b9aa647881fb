import { createRequire } from 'node:module';
import type { APIGatewayProxyEvent, APIGatewayProxyResult, Context } from 'aws-lambda';
import { lambdaContext, slashCommand } from '../test/bot/slack-requests';

/**
 * Runs in a fresh Node process, bundled on its own by the edge bench: loads
 * the edge bundle, handles one signed slash command (the cold start, marked
 * on stdout the moment it is answered), then `warm` more on the same handler.
 * Usage: node edge-child.js <bundle.js> <warm> <response-url>
 */
type Handler = (event: APIGatewayProxyEvent, context: Context) => Promise<APIGatewayProxyResult>;

async function main(): Promise<void> {
  const [bundlePath = '', warm = '0', responseUrl = ''] = process.argv.slice(2);
  const started = performance.now();
  const { handler } = createRequire(__filename)(bundlePath) as { handler: Handler };
  const loaded = performance.now();
  const first = await handler(slashCommand({ text: 'revenue by region', responseUrl }), lambdaContext());
  const answered = performance.now();
  process.stdout.write(`EDGE-COLD ${JSON.stringify({ status: first.statusCode })}\n`);
  const latencies: number[] = [];
  const statuses = new Set<number>();
  for (let i = 0; i < Number(warm); i++) {
    const request = slashCommand({ text: `revenue by region ${i}`, responseUrl });
    const at = performance.now();
    statuses.add((await handler(request, lambdaContext())).statusCode);
    latencies.push(performance.now() - at);
  }
  const result = { loadMs: loaded - started, firstMs: answered - loaded, latencies, statuses: [...statuses] };
  process.stdout.write(`EDGE-RESULT ${JSON.stringify(result)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exitCode = 1;
});
