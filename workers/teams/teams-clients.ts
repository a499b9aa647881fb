import type { BlobStore } from '../../core/blob-store';
import type { TeamsConfig } from '../../core/config';
import { TeamsConnector } from '../../core/teams-connector';
import { clientCredentialsToken } from '../../core/teams-token';
import { fileLinkKey } from '../../core/teams-file-links';
import { FileLinks } from './file-links';
import type { TeamsConversationsOptions } from './teams-conversation';

const GRAPH_SCOPE = 'https://graph.microsoft.com/.default';

/**
 * The deployment's Teams clients for one set of app credentials: the Bot Connector and Microsoft
 * Graph, each with its client-credentials token cached until it is about to expire, and the signed
 * file links when the bot API's public URL is configured.
 *
 * @example
 * const teams = teamsConversations({ secrets, clients: teamsClients(config.teams, store) });
 */
export function teamsClients(config: TeamsConfig, store: BlobStore): TeamsConversationsOptions['clients'] {
  return ({ appId, appPassword, tenantId }) => {
    const credentials = { appId, appPassword, tenantId, loginUrl: config.loginUrl };
    return {
      connector: new TeamsConnector({ token: clientCredentialsToken(credentials) }),
      files: { graphUrl: config.graphUrl, graphToken: clientCredentialsToken({ ...credentials, scope: GRAPH_SCOPE }) },
      ...(config.filesUrl
        ? { links: new FileLinks({ store, baseUrl: config.filesUrl, key: fileLinkKey(appPassword) }) }
        : {}),
    };
  };
}
