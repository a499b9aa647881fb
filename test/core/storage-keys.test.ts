import { scopeOf } from '../../core/job';
import { storageKeys } from '../../core/storage-keys';

describe('storage keys', () => {
  const scope = { tenant: 'T1', channel: 'C1' };

  it('puts every object under its tenant and channel', () => {
    expect(storageKeys.datasetData(scope, 'd1')).toBe('datasets/T1/C1/d1/data.parquet');
    expect(storageKeys.datasetMeta(scope, 'd1')).toBe('datasets/T1/C1/d1/meta.json');
    expect(storageKeys.thread(scope, '1700000000.000100')).toBe('threads/T1/C1/1700000000.000100.json');
    expect(storageKeys.chart(scope, 'j1')).toBe('charts/T1/C1/j1.png');
  });

  it.each(['../C2', 'C1/../../T2', '', '.hidden', 'a b', 'C1/x'])('refuses %j as a key segment', (bad) => {
    expect(() => storageKeys.datasets({ tenant: 'T1', channel: bad })).toThrow(/Invalid channel/);
    expect(() => storageKeys.datasetMeta(scope, bad)).toThrow(/Invalid dataset id/);
  });

  it('gives Teams conversations a key-safe channel that differs per conversation', () => {
    const base = {
      platform: 'teams' as const,
      tenant: '72f988bf-86f1-41af-91ab-2d7cd011db47',
      conversationType: 'groupChat' as const,
      serviceUrl: 'https://smba.example.com/',
    };
    const a = scopeOf({ ...base, conversationId: '19:abc@thread.v2' });
    const b = scopeOf({ ...base, conversationId: '19:def@thread.v2' });

    expect(() => storageKeys.datasets(a)).not.toThrow();
    expect(a.channel).not.toBe(b.channel);
  });
});
