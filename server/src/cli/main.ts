import { parseArgs } from 'node:util';
import type { Command, OptionValues } from './command';
import { COMMANDS, commandByName } from './commands';
import { UsageError, type CliIo } from './io';
import { VERSION } from './version';

export type { CliIo } from './io';

function mainUsage(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    'Usage: archframe <command> [options]',
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    "Run 'archframe <command> --help' for a command's options.",
  ].join('\n');
}

/** Runs `archframe …` and returns the exit code (0 clean, 1 findings, 2 bad usage). */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    const about = name === 'help' && rest[0] ? commandByName(rest[0]) : undefined;
    if (about) {
      io.stdout(about.usage + '\n');
      return 0;
    }
    (name === undefined ? io.stderr : io.stdout)(mainUsage() + '\n');
    return name === undefined ? 2 : 0;
  }
  if (name === '--version' || name === '-v') {
    io.stdout(VERSION + '\n');
    return 0;
  }
  const command = commandByName(name);
  if (!command) {
    io.stderr(`archframe: unknown command '${name}'.\n${mainUsage()}\n`);
    return 2;
  }
  try {
    return await runCommand(command, rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`archframe ${command.name}: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
}

async function runCommand(command: Command, args: string[], io: CliIo): Promise<number> {
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args, options: { ...command.options, help: { type: 'boolean', short: 'h' } }, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(`${describeParseError(error as Error)}\nRun 'archframe ${command.name} --help' for its options.`);
  }
  if (parsed.values.help) {
    io.stdout(command.usage + '\n');
    return 0;
  }
  if (command.maxPositionals !== undefined && parsed.positionals.length > command.maxPositionals) {
    throw new UsageError(`too many arguments: ${parsed.positionals.slice(command.maxPositionals).map((a) => `'${a}'`).join(', ')}.\nRun 'archframe ${command.name} --help' for its usage.`);
  }
  return command.run({ values: parsed.values as OptionValues<typeof command.options>, positionals: parsed.positionals, io });
}

/** parseArgs' messages name the option; keep them, drop Node's advice about '--' which does not apply here. */
function describeParseError(error: Error): string {
  const unknown = /Unknown option '([^']+)'/.exec(error.message);
  if (unknown) return `unknown option '${unknown[1]}'.`;
  return error.message.split('. To specify')[0].replace(/\.?$/, '.');
}
