import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import JSZip from 'jszip';
import { z } from 'zod';
import { localEnvironment, LOCAL_SECRET_VARIABLES } from '../core/config';

/** Where the manifest template and the icons live, and what the manifest calls the bot's id. */
const TEAMS_DIR = path.resolve(__dirname, '..', 'teams');
const PLACEHOLDER = /\{\{BOT_ID\}\}/g;
const ICONS = ['color.png', 'outline.png'] as const;

/** An Entra app id: the bot's Microsoft App ID, which is also the Teams app id here. */
const AppId = z
  .string()
  .trim()
  .regex(
    /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
    "must be the Azure Bot's Microsoft App ID (a GUID)",
  )
  .transform((id) => id.toLowerCase());

/** A host name the app may open (Teams wants no scheme, no path). */
const Domain = z
  .string()
  .trim()
  .regex(/^(\*\.)?([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i, 'must be a host name such as bot.example.com');

export class TeamsPackageError extends Error {
  readonly code = 'TEAMS_PACKAGE_INVALID';
}

export interface TeamsPackageOptions {
  appId: string;
  /** Host names for the manifest's validDomains (a dev tunnel, the API's host); none is fine for a bot. */
  domains?: string[];
  /** The zip to write. */
  out: string;
}

function checked<T>(schema: z.ZodType<T, string>, value: string, what: string): T {
  const result = schema.safeParse(value);
  if (!result.success)
    throw new TeamsPackageError(`${what} "${value}" ${result.error.issues[0]?.message ?? 'is not valid'}.`);
  return result.data;
}

/** Writes the sideload zip: the manifest with the app id and domains filled in, and both icons. */
export async function packageTeamsApp(options: TeamsPackageOptions): Promise<string> {
  const appId = checked(AppId, options.appId, 'The app id');
  const domains = (options.domains ?? []).map((domain) => checked(Domain, domain, 'The domain'));
  const template = await readFile(path.join(TEAMS_DIR, 'manifest.json'), 'utf8');
  const manifest = JSON.parse(template.replace(PLACEHOLDER, appId)) as { validDomains?: string[] };
  manifest.validDomains = [...new Set([...(manifest.validDomains ?? []), ...domains])];
  const zip = new JSZip();
  zip.file('manifest.json', `${JSON.stringify(manifest, null, 2)}\n`);
  for (const icon of ICONS) zip.file(icon, await readFile(path.join(TEAMS_DIR, icon)));
  const out = path.resolve(options.out);
  await writeFile(out, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
  return out;
}

const USAGE = 'Usage: npm run teams:package -- [<app id>] [--domain <host>]… [--out <file.zip>] (or set TEAMS_APP_ID)';

/** `npm run teams:package`: the app id from the first argument or TEAMS_APP_ID (shell or `.env`). */
async function main(args: string[]): Promise<void> {
  const domains: string[] = [];
  let out = 'teams-app.zip';
  let appId: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    if (arg === '--domain' || arg === '--out') {
      const value = args[++i];
      if (!value) throw new TeamsPackageError(`${arg} needs a value. ${USAGE}`);
      if (arg === '--domain') domains.push(value);
      else out = value;
    } else if (!appId && !arg.startsWith('-')) appId = arg;
    else throw new TeamsPackageError(`Unexpected argument "${arg}". ${USAGE}`);
  }
  appId ??= localEnvironment('.env')[LOCAL_SECRET_VARIABLES.teamsAppId];
  if (!appId) throw new TeamsPackageError(`No app id. ${USAGE}`);
  console.log(`Wrote ${await packageTeamsApp({ appId, domains, out })}; upload it in Teams → Apps → Manage your apps.`);
}

if (require.main === module) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    console.error(error instanceof TeamsPackageError ? error.message : error);
    process.exit(1);
  });
}
