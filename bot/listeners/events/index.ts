import type App from '@slack/bolt/dist/App';
import type { EdgeDeps } from '../../edge-deps';
import { appMention } from './app-mention';
import { directMessage } from './direct-message';
import { fileShare } from './file-share';
import { threadReply } from './thread-reply';

/** Every `message` listener sees every message event and keeps only its own kind; each says which in its guard. */
export function register(app: App, deps: EdgeDeps): void {
  app.event('app_mention', appMention(deps));
  app.event('message', fileShare(deps));
  app.event('message', threadReply(deps));
  app.event('message', directMessage(deps));
}
