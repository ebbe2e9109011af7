import { isMap, isPair, isSeq, type Node } from 'yaml';
import type { ManifestDocument } from '../../parse/manifest';
import type { WorkspaceSnapshot } from '../../workspace/snapshot';
import type { FoldingRange } from '../types';

/** A folding range for every map or list that spans several lines, from its key's line to its last line. */
export function foldingRanges(_workspace: WorkspaceSnapshot, document: ManifestDocument): FoldingRange[] {
  const ranges: FoldingRange[] = [];
  const lines = document.lines;
  const lastLine = (node: Node): number => {
    const end = node.range?.[1] ?? 0;
    // Block collections end at the start of the next line: fold up to the line before.
    const position = lines.position(Math.max(0, end - 1));
    return position.line;
  };
  const stack: { node: unknown; from?: number }[] = [{ node: document.yaml.contents }];
  while (stack.length > 0) {
    const { node, from } = stack.pop()!;
    if (!isMap(node) && !isSeq(node)) continue;
    const startLine = lines.position(from ?? node.range?.[0] ?? 0).line;
    const endLine = lastLine(node);
    if (endLine > startLine && from !== undefined) ranges.push({ startLine, endLine });
    for (const item of node.items) {
      if (isPair(item)) {
        const keyStart = (item.key as Node | null)?.range?.[0];
        stack.push({ node: item.value, from: keyStart });
      } else {
        stack.push({ node: item, from: (item as Node | null)?.range?.[0] });
      }
    }
  }
  return ranges.sort((a, b) => a.startLine - b.startLine);
}
