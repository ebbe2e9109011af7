/**
 * Words that look for a culprit instead of a cause. Each is matched in the
 * prose of the postmortem (paragraphs, list items, table cells, headings),
 * never in code.
 */
export const BLAME_PATTERNS: readonly { pattern: RegExp; why: string }[] = [
  { pattern: /\b(?:human|operator|engineer|pilot|developer)\s+errors?\b/gi, why: 'names a person as the cause' },
  { pattern: /\b(?:[A-Z][a-z]+'s|[Hh]is|[Hh]er|[Tt]heir|[Mm]y|[Yy]our|[Ss]omeone's|[Ss]omebody's)\s+fault\b/g, why: 'assigns fault to someone' },
  { pattern: /(?<!\b(?:no|not|without|never|n't)\s+)\bblam(?:e|ed|es|ing)\b/gi, why: 'looks for someone to blame' },
  { pattern: /\bcareless(?:ly|ness)?\b/gi, why: 'judges a person\'s care' },
  { pattern: /\bshould(?:n't| not)?\s+have\s+(?:known|noticed|caught|checked|realised|realized|been\s+more\s+careful)\b/gi, why: 'judges with hindsight what someone should have done' },
  { pattern: /\bneglig(?:ence|ent|ently)\b/gi, why: 'accuses someone of negligence' },
  { pattern: /\b(?:sloppy|incompeten(?:t|ce)|lazy|laziness)\b/gi, why: 'judges a person' },
  { pattern: /\b(?:messed|screwed)\s+up\b/gi, why: 'pins the failure on someone' },
  { pattern: /\b(?:[Hh]is|[Hh]er|[Tt]heir|[A-Z][a-z]+'s)\s+mistake\b/g, why: 'pins the failure on someone' },
  { pattern: /\bwho\s+(?:caused|broke|is\s+responsible\s+for)\b/gi, why: 'asks who instead of what' },
];
