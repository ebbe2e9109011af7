import { ErrorCodes, ResponseError } from 'vscode-languageserver';
import { COMMANDS } from '../commands';
import type { Feature } from './types';

export const commands: Feature = {
  capabilities: { executeCommandProvider: { commands: Object.keys(COMMANDS) } },
  register(connection, session) {
    connection.onExecuteCommand(async (params) => {
      const command = COMMANDS[params.command];
      if (!command) throw new ResponseError(ErrorCodes.InvalidRequest, `unknown command ${params.command}`);
      return command(session, params.arguments ?? []);
    });
  },
};
