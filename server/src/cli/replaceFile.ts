import * as fs from 'node:fs';
import * as path from 'node:path';
import { isUtf8 } from 'node:buffer';
import { temporaryBeside } from './writeNewFile';

/**
 * Replaces a file's text atomically, and only if it still holds what was read: the new text goes to a temporary
 * file beside it (same mode), the file is read again and compared, then the temporary file is renamed over it. A
 * reader sees the old file or the new one, never half of one. Throws `changed` when the file is no longer the text
 * that the new one was made from (or is not UTF-8, or is a link).
 */
export function replaceFile(file: string, expected: string, text: string): void {
  const stat = fs.lstatSync(file);
  if (!stat.isFile()) throw Object.assign(new Error(`${path.basename(file)} is not a plain file`), { code: 'changed' });
  const temporary = temporaryBeside(file);
  // The engine reads a file without its byte order mark (as the editor does); a file that has one keeps it.
  const bom = fs.readFileSync(file).subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf])) ? '\uFEFF' : '';
  fs.writeFileSync(temporary, bom + text, { flag: 'wx', mode: stat.mode & 0o7777 });
  try {
    const now = fs.readFileSync(file);
    if (!isUtf8(now) || now.toString('utf8') !== bom + expected) throw Object.assign(new Error(`${path.basename(file)} changed while archframe was reading it`), { code: 'changed' });
    fs.renameSync(temporary, file);
  } finally {
    fs.rmSync(temporary, { force: true });
  }
}

/**
 * Writes a file atomically, replacing it if it exists: the text goes to a temporary file beside it (with the old
 * file's mode), which is renamed over it. An interrupted run leaves the old file whole.
 */
export function writeAtomically(file: string, text: string): void {
  let mode: number | undefined;
  try {
    mode = fs.statSync(file).mode & 0o7777;
  } catch {
    mode = undefined;
  }
  const temporary = temporaryBeside(file);
  fs.writeFileSync(temporary, text, mode === undefined ? { flag: 'wx' } : { flag: 'wx', mode });
  try {
    fs.renameSync(temporary, file);
  } finally {
    fs.rmSync(temporary, { force: true });
  }
}
