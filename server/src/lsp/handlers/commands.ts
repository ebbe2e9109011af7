import { ErrorCodes, ResponseError } from 'vscode-languageserver';
import { SERVER_COMMAND_IDS, type ServerCommandId } from '../../protocol';
import { COMMANDS } from '../commands';
import type { Feature } from './types';

const isServerCommand = (id: string): id is ServerCommandId => (SERVER_COMMAND_IDS as readonly string[]).includes(id);

export const commands: Feature = {
  capabilities: { executeCommandProvider: { commands: [...SERVER_COMMAND_IDS] } },
  register(connection, session) {
    connection.onExecuteCommand(async (params) => {
      if (!isServerCommand(params.command)) throw new ResponseError(ErrorCodes.InvalidRequest, `unknown command ${params.command}`);
      await session.indexed();
      return COMMANDS[params.command](session, params.arguments ?? []);
    });
  },
};
