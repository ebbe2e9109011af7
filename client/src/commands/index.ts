import { showDiagram } from '../diagram/panel';
import { importManifest } from './importManifest';
import { insertTemplate } from './insertTemplate';
import { newPostmortem } from './newPostmortem';
import { newRunbook } from './newRunbook';
import { newAdr } from './newAdr';
import { supersedeAdr } from './supersedeAdr';
import { changeAdrStatus } from './changeAdrStatus';
import { updateAdrIndex } from './updateAdrIndex';
import type { ClientCommand } from './types';

/** Every palette command; each is declared in package.json `contributes.commands`. */
export const CLIENT_COMMANDS: ClientCommand[] = [newRunbook, newPostmortem, insertTemplate, showDiagram, newAdr, supersedeAdr, changeAdrStatus, updateAdrIndex, importManifest];
