import type { ParseArgsConfig } from 'node:util';
import type { CliIo } from './io';

type OptionSpecs = NonNullable<ParseArgsConfig['options']>;

/** The parsed values of a command's options, typed from their specs. */
export type OptionValues<O extends OptionSpecs> = {
  [K in keyof O]?: O[K]['type'] extends 'string' ? (O[K]['multiple'] extends true ? string[] : string) : boolean;
};

export interface CommandContext<O extends OptionSpecs> {
  values: OptionValues<O>;
  positionals: string[];
  io: CliIo;
}

/**
 * A subcommand: `archframe <name> …`. Options are parsed strictly with
 * `node:util` `parseArgs` before `run` is called (`--help`/`-h` is added to all).
 * `run` returns the exit code: 0 success, 1 findings at or above the threshold,
 * 2 bad usage (throw `UsageError` for that).
 */
export interface Command<O extends OptionSpecs = OptionSpecs> {
  name: string;
  /** One line for `archframe --help`. */
  summary: string;
  /** The full help text of `archframe <name> --help`. */
  usage: string;
  options: O;
  /** Largest number of positional arguments (default: any). */
  maxPositionals?: number;
  run(context: CommandContext<O>): number | Promise<number>;
}

export function defineCommand<O extends OptionSpecs>(command: Command<O>): Command<O> {
  return command;
}
