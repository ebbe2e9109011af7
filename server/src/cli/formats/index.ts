import { github } from './github';
import { json } from './json';
import { sarif } from './sarif';
import { text } from './text';
import type { Formatter } from './types';

/** The output formats of `archframe check --format`. */
export const FORMATS: Record<string, Formatter> = { text, json, sarif, github };
