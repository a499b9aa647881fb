import type App from '@slack/bolt/dist/App';
import type { EdgeDeps } from '../edge-deps';
import * as actions from './actions';
import * as commands from './commands';
import * as events from './events';

/** Every listener the edge has, grouped by kind; each only verifies, parses, posts a placeholder and enqueues. */
export function registerListeners(app: App, deps: EdgeDeps): void {
  commands.register(app, deps);
  events.register(app, deps);
  actions.register(app, deps);
}
