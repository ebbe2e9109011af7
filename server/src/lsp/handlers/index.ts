import { codeActions } from './codeActions';
import { commands } from './commands';
import { languageFeatures } from './languageFeatures';
import type { Feature } from './types';

/** Every protocol feature the server offers; add a feature by adding its module here. */
export const FEATURES: readonly Feature[] = [languageFeatures, codeActions, commands];
