import { parser as baseParser, type InlineContext, type MarkdownConfig } from '@lezer/markdown';

// Inline parsers of @lezer/markdown (1.8) that take time quadratic in a paragraph's length, replaced by ones that
// find the same nodes in one pass. test/robustness/linearTime.test.ts feeds them 1 MB lines.

/**
 * Hard breaks read in one pass over a run of spaces. @lezer/markdown's own inline parser (1.8) scans the rest of a
 * run from each of its spaces, so a line holding 100,000 spaces took 20 s; this one looks at a run from its first
 * space only, and finds the same breaks (two or more spaces, or a backslash, before a line end).
 */
const LINEAR_HARD_BREAK: MarkdownConfig = {
  remove: ['HardBreak'],
  parseInline: [
    {
      name: 'LinearHardBreak',
      before: 'Link',
      parse(cx, next, start) {
        if (next === 92 /* \ */ && cx.char(start + 1) === 10) return cx.addElement(cx.elt('HardBreak', start, start + 2));
        if (next !== 32 || cx.char(start - 1) === 32) return -1;
        let end = start + 1;
        while (cx.char(end) === 32) end++;
        return cx.char(end) === 10 && end >= start + 2 ? cx.addElement(cx.elt('HardBreak', start, end + 1)) : -1;
      },
    },
  ],
};

type InlineParse = (cx: InlineContext, next: number, start: number) => number;

/** A built-in inline parser, to wrap; undefined if a future version renames it (then the built-in one stays). */
function builtinInline(name: string): InlineParse | undefined {
  const internals = baseParser as unknown as { inlineNames?: string[]; inlineParsers?: InlineParse[] };
  const index = internals.inlineNames?.indexOf(name) ?? -1;
  return index >= 0 ? internals.inlineParsers?.[index] : undefined;
}

interface Part {
  from: number;
  side?: number;
}

/** The context's parts (delimiters and elements so far): internal to lezer, read and swapped here. */
const parts = (cx: InlineContext) => (cx as unknown as { parts: (Part | null)[] }).parts;
const setParts = (cx: InlineContext, value: (Part | null)[]) => ((cx as unknown as { parts: (Part | null)[] }).parts = value);

/**
 * Links closed without rescanning the paragraph. Closing a link, lezer invalidates every `[` before it with a loop
 * over all the paragraph's parts, so n links in a paragraph cost n² (a 1 MB status line of `superseded by [x](y)`:
 * 5.5 s of 7). Here the open `[` and `![` are kept on a stack as lezer's own parsers add them; a `]` hands lezer only
 * the parts from the last one on (lezer finds that same opener, and nothing before it to invalidate), and a link then
 * invalidates the `[`s left on the stack, each once (a `![` stays open, as in lezer).
 */
function linearLinks(): MarkdownConfig[] {
  const link = builtinInline('Link');
  const image = builtinInline('Image');
  const linkEnd = builtinInline('LinkEnd');
  if (!link || !image || !linkEnd) return [];
  const openers = new WeakMap<InlineContext, { index: number; part: Part }[]>();
  const recording =
    (parse: InlineParse): InlineParse =>
    (cx, next, start) => {
      const end = parse(cx, next, start);
      if (end >= 0) {
        const list = parts(cx);
        const stack = openers.get(cx) ?? openers.set(cx, []).get(cx)!;
        stack.push({ index: list.length - 1, part: list[list.length - 1]! });
      }
      return end;
    };
  return [
    {
      parseInline: [
        { name: 'Link', parse: recording(link) },
        { name: 'Image', parse: recording(image) },
        {
          name: 'LinkEnd',
          parse(cx, next, start) {
            if (next !== 93 /* ] */) return -1;
            const stack = openers.get(cx);
            const all = parts(cx);
            // Openers a `]` already closed or dropped are gone from the parts.
            while (stack?.length && all[stack[stack.length - 1].index] !== stack[stack.length - 1].part) stack.pop();
            const opener = stack?.pop();
            if (!opener) return -1;
            const tail = all.slice(opener.index);
            setParts(cx, tail);
            let end: number;
            try {
              end = linkEnd(cx, next, start);
            } finally {
              const result = parts(cx);
              all.length = opener.index;
              for (const part of result) all.push(part);
              setParts(cx, all);
            }
            // A link (not an image) may not hold another: the `[`s before it open nothing any more.
            if (end >= 0 && cx.char(opener.part.from) === 91 /* [ */) {
              const images = stack!.filter((earlier) => cx.char(earlier.part.from) !== 91);
              for (const earlier of stack!) if (cx.char(earlier.part.from) === 91) earlier.part.side = 0;
              stack!.splice(0, stack!.length, ...images);
            }
            return end;
          },
        },
      ],
    },
  ];
}

/** The replacements, for `parser.configure`. */
export const LINEAR_INLINE: MarkdownConfig[] = [LINEAR_HARD_BREAK, ...linearLinks()];
