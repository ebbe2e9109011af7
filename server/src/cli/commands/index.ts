import type { Command } from '../command';
import { adr } from './adr';
import { check } from './check';
import { diagram } from './diagram';
import { explain } from './explain';
import { importCommand } from './import';
import { rules } from './rules';

/**
 * The subcommands of `archframe`, in the order `archframe --help` lists them.
 * A new command is one module in this folder exporting `defineCommand({…})`
 * and one line here.
 */
export const COMMANDS: readonly Command[] = [
  check as Command,
  rules as Command,
  explain as Command,
  diagram as Command,
  importCommand as Command,
  adr as Command,
];

export function commandByName(name: string): Command | undefined {
  return COMMANDS.find((command) => command.name === name);
}
