import type { Finding, Fix, RelatedLocation, TextEdit } from './model/findings';
import { manifestEdit, mapOffset, type ManifestEdit } from './parse/manifestIncremental';
import type { ManifestDocument } from './parse/manifest';
import type { LineIndex } from './text/lineIndex';
import type { Range, Span } from './text/types';
import type { AnalysedDocument } from './workspace/snapshot';

/** Edits further apart than this are not followed: the findings are made anew instead. */
const MAX_CHAIN = 64;

/** How the positions of one file moved between two of its versions: the edits in order, oldest first. */
interface Movement {
  edits: ManifestEdit[];
  from: LineIndex;
  to: LineIndex;
  /** Offsets before this one (and lines before `firstLine`) did not move. */
  firstOffset: number;
  firstLine: number;
  /**
   * One edit: offsets from its end on move by `delta`, and lines after the line it ends on by `lineDelta`, their
   * characters unchanged (no line search needed for most of a file).
   */
  single?: { oldEnd: number; delta: number; endLine: number; lineDelta: number };
}

/**
 * Moves findings made on earlier versions of the manifests to where their text is now: the unchanged elements of
 * an incrementally read manifest are the same objects, shifted by the edits before them (manifestEdit), so their
 * findings still hold, a few lines further down. A position in a file that changed otherwise cannot be moved, and
 * the finding is then made anew.
 */
export class Relocation {
  private readonly movements = new Map<string, Movement | 'same' | null>();

  constructor(
    private readonly before: (uri: string) => AnalysedDocument | undefined,
    private readonly now: (uri: string) => AnalysedDocument | undefined,
  ) {}

  /** The finding where its text is now (the same object when nothing moved), or undefined when it cannot be told. */
  finding(finding: Finding): Finding | undefined {
    let moved = false;
    let span = finding.span;
    let range = finding.range;
    const own = this.movement(finding.uri);
    if (own === null) return undefined;
    if (own !== 'same' && span[1] >= own.firstOffset) {
      span = [this.offset(own, span[0], 'start'), this.offset(own, span[1], 'end')];
      range = this.shifted(own, range) ?? own.to.range(span);
      moved = true;
    }
    let related: RelatedLocation[] | undefined = finding.related;
    if (related) {
      const next: RelatedLocation[] = [];
      for (const location of related) {
        const r = this.range(location.uri, location.range);
        if (!r) return undefined;
        next.push(r === location.range ? location : { ...location, range: r });
        if (r !== location.range) moved = true;
      }
      if (moved) related = next;
    }
    let fixes: Fix[] | undefined = finding.fixes;
    if (fixes) {
      let fixesMoved = false;
      const next: Fix[] = [];
      for (const fix of fixes) {
        const edits: TextEdit[] = [];
        let editsMoved = false;
        for (const edit of fix.edits) {
          const r = this.range(edit.uri, edit.range);
          if (!r) return undefined;
          edits.push(r === edit.range ? edit : { ...edit, range: r });
          if (r !== edit.range) editsMoved = true;
        }
        next.push(editsMoved ? { ...fix, edits } : fix);
        if (editsMoved) fixesMoved = true;
      }
      if (fixesMoved) {
        fixes = next;
        moved = true;
      }
    }
    if (!moved) return finding;
    // Written out, not spread: tens of thousands of findings move on an edit near the top of a big manifest.
    const result: Finding = { ruleId: finding.ruleId, severity: finding.severity, message: finding.message, uri: finding.uri, range, span };
    if (related) result.related = related;
    if (finding.tags) result.tags = finding.tags;
    if (fixes) result.fixes = fixes;
    if (finding.element !== undefined) result.element = finding.element;
    return result;
  }

  private range(uri: string, range: Range): Range | undefined {
    const movement = this.movement(uri);
    if (movement === null) return undefined;
    if (movement === 'same' || range.end.line < movement.firstLine) return range;
    const shifted = this.shifted(movement, range);
    if (shifted) return shifted;
    const span: Span = [this.offset(movement, movement.from.offset(range.start), 'start'), this.offset(movement, movement.from.offset(range.end), 'end')];
    return movement.to.range(span);
  }

  /** A range after the line a single edit ends on: its lines move, its characters stay (undefined otherwise). */
  private shifted(movement: Movement, range: Range): Range | undefined {
    const single = movement.single;
    if (!single || range.start.line <= single.endLine) return undefined;
    if (single.lineDelta === 0) return range;
    return { start: { line: range.start.line + single.lineDelta, character: range.start.character }, end: { line: range.end.line + single.lineDelta, character: range.end.character } };
  }

  /**
   * Where an offset of the earlier text is now. At an insertion point the side matters: what starts there is the
   * text after the insertion (moved), what ends there is the text before it (not moved).
   */
  private offset(movement: Movement, offset: number, side: 'start' | 'end'): number {
    for (const edit of movement.edits) offset = side === 'start' && offset >= edit.oldEnd ? offset + edit.delta : mapOffset(edit, offset);
    return offset;
  }

  private movement(uri: string): Movement | 'same' | null {
    let movement = this.movements.get(uri);
    if (movement === undefined) {
      movement = follow(this.before(uri), this.now(uri));
      this.movements.set(uri, movement);
    }
    return movement;
  }
}

/** The edits from one version of a file to a later one, when the later was read from the earlier edit by edit. */
function follow(before: AnalysedDocument | undefined, now: AnalysedDocument | undefined): Movement | 'same' | null {
  if (before === now) return 'same';
  if (before?.kind !== 'manifest' || now?.kind !== 'manifest') return null;
  const edits: ManifestEdit[] = [];
  let current: ManifestDocument | undefined = now;
  while (current !== before) {
    const edit: ManifestEdit | undefined = current && manifestEdit(current);
    if (!edit || edits.length >= MAX_CHAIN) return null;
    edits.push(edit);
    current = edit.previous;
  }
  edits.reverse();
  const firstOffset = Math.min(...edits.map((edit) => edit.start));
  const movement: Movement = { edits, from: before.lines, to: now.lines, firstOffset, firstLine: before.lines.position(firstOffset).line };
  if (edits.length === 1) {
    const [{ oldEnd, delta }] = edits;
    movement.single = { oldEnd, delta, endLine: before.lines.position(oldEnd).line, lineDelta: now.lines.lineCount - before.lines.lineCount };
  }
  return movement;
}
