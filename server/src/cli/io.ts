/** What a command may touch of the outside world; tests and the entry point fill it in. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  cwd: string;
  env: Record<string, string | undefined>;
  stdoutIsTTY: boolean;
  stderrIsTTY: boolean;
}

/**
 * Colour on a terminal only. `FORCE_COLOR` (any value but `0`/`false`) forces it on,
 * `FORCE_COLOR=0` and `NO_COLOR` (any non-empty value, https://no-color.org) turn it off.
 */
export function wantsColor(io: CliIo, tty: boolean): boolean {
  const force = io.env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force.toLowerCase() !== 'false';
  if (io.env.NO_COLOR) return false;
  return tty && io.env.TERM !== 'dumb';
}

/** A usage error: the command line or the configuration is wrong (exit code 2). */
export class UsageError extends Error {}
