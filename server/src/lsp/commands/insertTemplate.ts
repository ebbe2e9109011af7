import { templatesForFile } from '../../engine/commands/operations';
import type { TemplateChoice } from '../../protocol';
import type { Session } from '../session';

/** Server side of Insert Template…: the templates that fit a document, as the engine classifies it. */

/** Arguments: `{ uri, languageId }`. */
export function templatesFor(session: Session, args: unknown[]): TemplateChoice[] {
  const { uri, languageId } = (args[0] ?? {}) as { uri?: unknown; languageId?: unknown };
  if (typeof uri !== 'string') return [];
  const analysed = session.whole(uri)?.document;
  const text = session.documents.get(uri)?.getText() ?? analysed?.text ?? '';
  const kind = analysed?.kind;
  return templatesForFile(kind, typeof languageId === 'string' ? languageId : '', text).map(({ id, label, description, body }) => ({ id, label, description, body }));
}
