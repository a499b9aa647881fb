/**
 * Everything the process writes while a test runs (stdout, stderr and the
 * console), kept instead of printed, so tests can read the log lines.
 */
export class CapturedOutput {
  readonly lines: string[] = [];
  private restore: (() => void) | undefined;

  start(): this {
    const keep = (chunk: unknown) => {
      this.lines.push(...String(chunk).split('\n').filter(Boolean));
      return true;
    };
    const stdout = process.stdout.write;
    const stderr = process.stderr.write;
    const methods = ['log', 'info', 'warn', 'error', 'debug'] as const;
    const originals = methods.map((method) => console[method]);
    process.stdout.write = keep as typeof process.stdout.write;
    process.stderr.write = keep as typeof process.stderr.write;
    for (const method of methods) console[method] = (...args: unknown[]) => keep(args.map(String).join(' '));
    this.restore = () => {
      process.stdout.write = stdout;
      process.stderr.write = stderr;
      methods.forEach((method, i) => (console[method] = originals[i] as (typeof console)[typeof method]));
    };
    return this;
  }

  stop(): void {
    this.restore?.();
    this.restore = undefined;
  }

  /** The JSON log lines (Powertools logs and EMF metrics), parsed. */
  json(): Record<string, unknown>[] {
    return this.lines.flatMap((line) => {
      try {
        return [JSON.parse(line) as Record<string, unknown>];
      } catch {
        return [];
      }
    });
  }
}
