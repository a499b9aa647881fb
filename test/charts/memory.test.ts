import v8 from 'node:v8';
import vm from 'node:vm';
import { renderChart } from '../../charts';
import { sampleSpecs } from './sample-specs';

// Jest does not pass --expose-gc; this turns it on for a fresh context.
function exposeGc(): () => void {
  if (typeof global.gc === 'function') return global.gc;
  v8.setFlagsFromString('--expose-gc');
  return vm.runInNewContext('gc') as () => void;
}

// Guards two leaks: a new @napi-rs/canvas canvas per chart (181 MB to 575 MB
// of RSS from the 50th to the 300th chart), and pixel copies whose finalizers
// never ran while renders were chained without a turn of the event loop
// (+1.4 GB over the same 250 charts).
test('RSS stays flat over 300 bar charts', async () => {
  const gc = exposeGc();
  const MAX_GROWTH_MB = 150;
  let rssAt50 = 0;
  for (let i = 1; i <= 300; i++) {
    const values = sampleSpecs.bar.series[0]!.values.map((v) => v + i);
    await renderChart({ ...sampleSpecs.bar, series: [{ name: 'Sales', values }] });
    if (i === 50) {
      gc();
      rssAt50 = process.memoryUsage().rss;
    }
  }
  gc();
  const growthMb = (process.memoryUsage().rss - rssAt50) / 1e6;
  expect(growthMb).toBeLessThan(MAX_GROWTH_MB);
});
