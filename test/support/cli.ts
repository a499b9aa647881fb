import { main } from '../../workers/cli/analyze';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the analyze CLI in-process with captured output. */
export async function runCli(args: string[], env: Record<string, string> = {}): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await main(args, {
    out: { write: (text: string) => (stdout += text) },
    err: { write: (text: string) => (stderr += text) },
    env,
  });
  return { code, stdout, stderr };
}
