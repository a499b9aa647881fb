import { Conversation, scopeOf, type TeamsConversation } from '../../core/job';
import { storageKeys } from '../../core/storage-keys';

const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';
const OTHER_TENANT = '0b2c6b87-2c5c-4f7e-9b5a-3f1f6f7d1e21';

function channel(overrides: Partial<TeamsConversation> = {}): TeamsConversation {
  return {
    platform: 'teams',
    tenant: TENANT,
    conversationId: '19:general@thread.tacv2',
    conversationType: 'channel',
    serviceUrl: 'https://smba.trafficmanager.net/emea/',
    team: '19:general@thread.tacv2',
    channel: '19:general@thread.tacv2',
    thread: '1700000000001',
    ...overrides,
  };
}

describe('Teams storage scope', () => {
  it('is the same for every thread of one channel, so follow-ups find the channel’s datasets', () => {
    const a = scopeOf(channel({ thread: '1700000000001' }));
    const b = scopeOf(channel({ thread: '1700000000999' }));
    expect(a).toEqual(b);
  });

  it('differs between channels of one team and between tenants with the same channel id', () => {
    const general = scopeOf(channel());
    const sales = scopeOf(channel({ conversationId: '19:sales@thread.tacv2', channel: '19:sales@thread.tacv2' }));
    const elsewhere = scopeOf(channel({ tenant: OTHER_TENANT }));
    expect(sales).not.toEqual(general);
    expect(elsewhere.tenant).not.toBe(general.tenant);
    expect(storageKeys.datasets(elsewhere)).not.toBe(storageKeys.datasets(general));
  });

  it('never overlaps a Slack team’s scope, whatever the ids', () => {
    const teams = scopeOf(channel());
    // A Slack team whose ids were chosen to look like the Teams scope as far as Slack ids allow.
    const slack = scopeOf({ platform: 'slack', team: teams.tenant.toUpperCase().replace(/-/g, ''), channel: 'C1' });
    expect(storageKeys.datasets(slack).startsWith(storageKeys.datasets(teams))).toBe(false);
    // Slack ids are upper-case and Teams tenants lower-case GUIDs with dashes, so no Slack id can name a Teams tenant.
    expect(Conversation.safeParse({ platform: 'slack', team: teams.tenant, channel: 'C1' }).success).toBe(false);
    expect(teams.tenant).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('refuses a conversation id that still carries ;messageid=', () => {
    const parsed = Conversation.safeParse(channel({ conversationId: '19:general@thread.tacv2;messageid=17' }));
    expect(parsed.success).toBe(false);
  });
});
