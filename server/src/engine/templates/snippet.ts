/**
 * The editor's snippet syntax (TextMate / VS Code / LSP `InsertTextFormat.Snippet`):
 * `$1`, `${1:default}`, `${1|a,b,c|}`, `$0`, `$NAME`, `${NAME:default}`, with
 * `\$`, `\}` and `\\` escapes. Templates are written in it once; the snippet
 * files, the Insert Template command and the completion items use it as is, the
 * New Runbook/Postmortem commands and the quick fixes expand it to plain text.
 */

export type SnippetNode =
  | { type: 'text'; value: string }
  | { type: 'tabstop'; index: number }
  | { type: 'placeholder'; index: number; children: SnippetNode[] }
  | { type: 'choice'; index: number; options: string[] }
  | { type: 'variable'; name: string; children?: SnippetNode[] };

export interface ParsedSnippet {
  nodes: SnippetNode[];
  /** Syntax problems: an unclosed `${`, an empty choice, a `$` that starts nothing. */
  errors: string[];
}

/** The variables the editor resolves that our templates use. */
export const SNIPPET_VARIABLES = ['CURRENT_YEAR', 'CURRENT_MONTH', 'CURRENT_DATE', 'TM_FILENAME_BASE'] as const;

export function parseSnippet(body: string): ParsedSnippet {
  const errors: string[] = [];
  let at = 0;

  // Sticky patterns match at `at` without slicing the rest of the body off first.
  const INT = /\d+/y;
  const NAME = /[A-Za-z_][A-Za-z0-9_]*/y;
  const readAt = (pattern: RegExp): string | undefined => {
    pattern.lastIndex = at;
    const match = pattern.exec(body);
    if (!match) return undefined;
    at += match[0].length;
    return match[0];
  };
  const readInt = (): number | undefined => {
    const digits = readAt(INT);
    return digits === undefined ? undefined : Number(digits);
  };
  const readName = (): string | undefined => readAt(NAME);

  // Reads nodes until `}` (inside a placeholder) or the end.
  const readNodes = (nested: boolean): SnippetNode[] => {
    const nodes: SnippetNode[] = [];
    let text = '';
    const flush = () => {
      if (text) nodes.push({ type: 'text', value: text });
      text = '';
    };
    while (at < body.length) {
      const ch = body[at];
      if (ch === '\\' && at + 1 < body.length && '$}\\'.includes(body[at + 1])) {
        text += body[at + 1];
        at += 2;
      } else if (ch === '}' && nested) {
        break;
      } else if (ch === '$') {
        const start = at;
        at++;
        const node = readDollar();
        if (node) {
          flush();
          nodes.push(node);
        } else {
          errors.push(`unescaped '$' at offset ${start}`);
          text += '$';
          at = start + 1;
        }
      } else {
        text += ch;
        at++;
      }
    }
    flush();
    return nodes;
  };

  const readDollar = (): SnippetNode | undefined => {
    const index = readInt();
    if (index !== undefined) return { type: 'tabstop', index };
    const bare = readName();
    if (bare !== undefined) return { type: 'variable', name: bare };
    if (body[at] !== '{') return undefined;
    const open = at - 1;
    at++;
    // After `${n:` or `${NAME:`: the default, up to the closing brace.
    const readDefault = (what: string): SnippetNode[] => {
      at++;
      const children = readNodes(true);
      if (body[at] !== '}') errors.push(`${what} opened at offset ${open} is not closed`);
      at++;
      return children;
    };
    const number = readInt();
    const name = number === undefined ? readName() : undefined;
    if (number === undefined && name === undefined) return undefined;
    if (body[at] === '}') {
      at++;
      return number !== undefined ? { type: 'tabstop', index: number } : { type: 'variable', name: name! };
    }
    if (body[at] === ':') {
      return number !== undefined
        ? { type: 'placeholder', index: number, children: readDefault(`placeholder \${${number}:`) }
        : { type: 'variable', name: name!, children: readDefault(`variable \${${name}:`) };
    }
    if (number !== undefined) {
      if (body[at] === '|') {
        at++;
        const options: string[] = [];
        let option = '';
        while (at < body.length && !(body[at] === '|' && body[at + 1] === '}')) {
          if (body[at] === '\\' && ',|\\$}'.includes(body[at + 1] ?? '')) {
            option += body[at + 1];
            at += 2;
          } else if (body[at] === ',') {
            options.push(option);
            option = '';
            at++;
          } else option += body[at++];
        }
        options.push(option);
        if (at >= body.length) errors.push(`choice \${${number}| opened at offset ${open} is not closed`);
        at += 2;
        if (options.some((o) => o === '')) errors.push(`choice \${${number}| has an empty option`);
        return { type: 'choice', index: number, options };
      }
    }
    errors.push(`'\${${number ?? name}' at offset ${open} is followed by neither '}', ':' nor '|'`);
    return undefined;
  };

  const nodes = readNodes(false);
  return { nodes, errors };
}

/**
 * The text the snippet inserts when every field keeps its default: tab stops
 * empty, placeholders their default text, choices their first option,
 * variables their value from `variables` (else their default, else empty).
 */
export function expandSnippet(body: string, variables: Readonly<Record<string, string>> = {}): string {
  const values = new Map<number, string>();
  let defined = new Set<number>();
  const render = (nodes: readonly SnippetNode[]): string =>
    nodes
      .map((node) => {
        switch (node.type) {
          case 'text':
            return node.value;
          case 'tabstop':
            return values.get(node.index) ?? '';
          case 'placeholder': {
            const value = render(node.children);
            if (!defined.has(node.index)) (defined.add(node.index), values.set(node.index, value));
            return values.get(node.index)!;
          }
          case 'choice':
            if (!defined.has(node.index)) (defined.add(node.index), values.set(node.index, node.options[0] ?? ''));
            return values.get(node.index)!;
          case 'variable':
            return variables[node.name] ?? (node.children ? render(node.children) : '');
        }
      })
      .join('');
  const { nodes } = parseSnippet(body);
  // Mirrors ($1 before or inside another field) take the value of the field they repeat: render until stable.
  let text = render(nodes);
  for (let pass = 0; pass < 4; pass++) {
    defined = new Set();
    const next = render(nodes);
    if (next === text) break;
    text = next;
  }
  return text;
}

/** Text that the snippet syntax inserts literally. */
export function escapeSnippet(text: string): string {
  return text.replace(/[\\$}]/g, (ch) => '\\' + ch);
}

/** Text that a choice option holds literally. */
function escapeChoice(text: string): string {
  return text.replace(/[\\$}|,]/g, (ch) => '\\' + ch);
}

/** Every tab stop of a snippet, nested ones included, in order of appearance. */
export function snippetStops(nodes: readonly SnippetNode[]): { index: number; type: 'tabstop' | 'placeholder' | 'choice'; depth: number }[] {
  const out: { index: number; type: 'tabstop' | 'placeholder' | 'choice'; depth: number }[] = [];
  const walk = (list: readonly SnippetNode[], depth: number) => {
    for (const node of list) {
      if (node.type === 'tabstop' || node.type === 'choice') out.push({ index: node.index, type: node.type, depth });
      else if (node.type === 'placeholder') {
        out.push({ index: node.index, type: 'placeholder', depth });
        walk(node.children, depth + 1);
      } else if (node.type === 'variable' && node.children) walk(node.children, depth + 1);
    }
  };
  walk(nodes, 0);
  return out;
}

/**
 * Writes snippet bodies with tab stops numbered in order, so templates that
 * are put together from parts never skip or reuse a number by mistake.
 */
export class SnippetBuilder {
  private next = 1;
  /** The number of the last field created. */
  last = 0;

  /** `${n:text}`. */
  field(text: string): string {
    this.last = this.next++;
    return `\${${this.last}:${escapeSnippet(text)}}`;
  }

  /** `${n:…}` around snippet text (which may hold mirrors of earlier fields). */
  fieldOf(snippet: string): string {
    this.last = this.next++;
    return `\${${this.last}:${snippet}}`;
  }

  /** `${n|a,b,c|}`. */
  choice(options: readonly string[]): string {
    this.last = this.next++;
    return `\${${this.last}|${options.map(escapeChoice).join(',')}|}`;
  }

  /** `$n`: repeats what was typed in field n. */
  mirror(index: number): string {
    return `\${${index}}`;
  }

  /** A literal value when one is given, else a field with a default. */
  value(given: string | undefined, fallback: string): string {
    return given !== undefined ? escapeSnippet(given) : this.field(fallback);
  }

  /** Literal text. */
  text(value: string): string {
    return escapeSnippet(value);
  }
}

/** The date as the editor's `$CURRENT_YEAR-$CURRENT_MONTH-$CURRENT_DATE` would give it, or those variables. */
export function dateSnippet(date?: string): string {
  return date !== undefined ? escapeSnippet(date) : '$CURRENT_YEAR-$CURRENT_MONTH-$CURRENT_DATE';
}

/** Variables for expanding a template outside an editor, from a `YYYY-MM-DD` date. */
export function dateVariables(date: string): Record<string, string> {
  const [year = '', month = '', day = ''] = date.split('-');
  return { CURRENT_YEAR: year, CURRENT_MONTH: month, CURRENT_DATE: day };
}
