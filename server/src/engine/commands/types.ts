import type { TextEdit } from '../model/findings';

/** A file a command would write: never over an existing one. */
export interface PlannedFile {
  uri: string;
  /** Workspace-relative path, for messages. */
  path: string;
  text: string;
}

/**
 * What a command that creates or edits files would do, computed without touching anything (the engine reads no
 * disk and no clock): at most one new file, and edits to other documents that go with it. The host applies it as
 * one edit (the language server through `workspace/applyEdit`), or says why nothing was planned.
 */
export type Plan = { ok: true; file?: PlannedFile; edits: TextEdit[] } | { ok: false; message: string; existing?: string };
