import type App from '@slack/bolt/dist/App';
import type { EdgeDeps } from '../../edge-deps';
import { analyzeCommand } from './analyze';

export function register(app: App, deps: EdgeDeps): void {
  app.command('/analyze', analyzeCommand(deps));
}
