import fs from 'node:fs';
import path from 'node:path';
import { APP_METRICS, SERVICE_NAMES } from '../../infra/constructs/app-metrics';

/**
 * The dashboard and alarms find a metric by its name and its `service` dimension, as
 * infra/constructs/app-metrics.ts lists them; the functions emit them under names written in their own code.
 * Nothing ties the two at compile time and a mismatch fails silently (an empty graph, an alarm that never
 * fires), so this reads the code as text.
 */
const ROOT = path.join(__dirname, '../..');
const CODE = {
  edge: { folder: 'bot', entryPoint: 'bot/slack-lambda.ts', metrics: true },
  teamsEdge: { folder: 'bot', entryPoint: 'bot/teams-lambda.ts', metrics: true },
  // It serves a file or refuses a link; API Gateway's own 4XX and latency metrics count those.
  teamsFiles: { folder: 'bot', entryPoint: 'bot/teams-files-lambda.ts', metrics: false },
  worker: { folder: 'workers', entryPoint: 'workers/lambda.ts', metrics: true },
  deadLetters: { folder: 'workers', entryPoint: 'workers/dead-letter-lambda.ts', metrics: true },
} as const;

const read = (file: string) => fs.readFileSync(path.join(ROOT, file), 'utf8');

/** The metric names in a folder's `addMetric(` calls, both of a conditional's; method signatures are not calls. */
function emittedMetrics(folder: string): string[] {
  const files = fs.readdirSync(path.join(ROOT, folder), { recursive: true, encoding: 'utf8' });
  return files
    .filter((file) => file.endsWith('.ts'))
    .flatMap((file) => [...read(path.join(folder, file)).matchAll(/addMetric\(([^,]*),/g)])
    .map(([, name = '']) => name)
    .filter((name) => !/^\s*\w+\s*:/.test(name))
    .flatMap((name) => [...name.matchAll(/'(\w+)'/g)].map(([, literal = '']) => literal));
}

describe('metric and service names', () => {
  it.each(Object.entries(APP_METRICS).map(([name, { emittedBy }]) => [name, emittedBy] as const))(
    '%s is emitted by the %s’s code',
    (name, emittedBy) => {
      expect(emittedMetrics(CODE[emittedBy].folder)).toContain(name);
    },
  );

  it.each(Object.entries(SERVICE_NAMES))('the %s logs (and emits any metrics) as %s', (fn, service) => {
    const code = CODE[fn as keyof typeof CODE];
    const entryPoint = read(code.entryPoint);

    expect(entryPoint).toMatch(new RegExp(`new Logger\\(\\{[^}]*serviceName: '${service}'`));
    if (code.metrics) expect(entryPoint).toMatch(new RegExp(`new Metrics\\(\\{[^}]*serviceName: '${service}'`));
    else expect(entryPoint).not.toContain('new Metrics(');
  });
});
