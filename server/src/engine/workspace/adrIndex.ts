import type { AdrDocument, AdrIndex } from '../parse/adr';
import { resolveRelative } from '../text/uri';

const ADR_REFERENCE = /^(?:adr[-\s]?)?0*(\d+)$/i;

/** Resolves ADR references by number (ADR-7, ADR-0007, 7) or by relative path. */
export function createAdrIndex(documents: readonly AdrDocument[]): AdrIndex {
  const byNumber = new Map<number, AdrDocument>();
  const byUri = new Map<string, AdrDocument>();
  for (const document of documents) {
    byUri.set(document.uri, document);
    if (document.number !== undefined && !byNumber.has(document.number)) byNumber.set(document.number, document);
  }
  return {
    all: () => documents,
    resolve(reference, fromUri) {
      const text = String(reference).trim();
      const numbered = ADR_REFERENCE.exec(text);
      if (numbered) return byNumber.get(Number(numbered[1]));
      if (fromUri && /\.(md|markdown)(#.*)?$/i.test(text)) return byUri.get(resolveRelative(fromUri, text));
      return undefined;
    },
  };
}
