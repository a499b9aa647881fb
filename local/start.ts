import { ConfigError, localEnvironment } from '../core/config';
import { LocalSetupError, startLocalBot } from './local-bot';

/** `npm start`: the bot in Socket Mode on this machine, settings from the environment and `.env`. */
async function start(): Promise<void> {
  try {
    const bot = await startLocalBot(localEnvironment('.env'));
    console.log(bot.summary);
    const stop = () => {
      console.log('Stopping: finishing the jobs in hand…');
      void bot.stop().then(() => process.exit(0));
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  } catch (error) {
    const known =
      error instanceof LocalSetupError || error instanceof ConfigError || hasCode(error, 'SLACK_AUTH_FAILED');
    console.error(known ? (error as Error).message : error);
    process.exit(1);
  }
}

function hasCode(error: unknown, code: string): boolean {
  return (error as { code?: unknown } | undefined)?.code === code;
}

void start();
