import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * Writes a file that must not exist yet, atomically: the text goes to a temporary file beside it, which is then
 * hard-linked to the name (link(2) fails if the name exists, so nothing is ever overwritten, even by a file that
 * appeared meanwhile) and removed. A reader sees no file or the whole file, never half of one.
 * Throws with `code` EEXIST when the file exists.
 */
export function writeNewFile(file: string, text: string): void {
  const temporary = temporaryBeside(file);
  fs.writeFileSync(temporary, text, { flag: 'wx' });
  try {
    fs.linkSync(temporary, file);
  } catch (error) {
    // File systems without hard links: an exclusive create, then the text (not atomic, but never overwriting).
    if ((error as NodeJS.ErrnoException).code !== 'EPERM' && (error as NodeJS.ErrnoException).code !== 'ENOTSUP') throw error;
    fs.writeFileSync(file, text, { flag: 'wx' });
  } finally {
    fs.rmSync(temporary, { force: true });
  }
}

/** A temporary file's name beside `file` (same folder, so a rename or link is atomic), hidden and unique to this run. */
export function temporaryBeside(file: string): string {
  return path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${Date.now()}.tmp`);
}
