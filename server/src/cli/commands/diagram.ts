import * as path from 'node:path';
import { DIAGRAM_FORMATS, renderDiagram, workspaceDiagram, type DiagramFormat } from '../../engine/diagram';
import { defineCommand } from '../command';
import { UsageError } from '../io';
import { writeOutput } from '../outputFile';
import { load, resolveTargets } from '../workspace';

const USAGE = `Usage: archframe diagram [options] [paths…]

Draws the architecture described by the manifests under each path (default:
the current folder): components, datastores and channels in their layers,
top to bottom as declared, and their dependencies (solid: synchronous,
dashed: asynchronous, dotted: in-process). What breaks a rule is drawn in
the finding's colour; cycles and upward dependencies stand out.

Options:
  -f, --format <format>  svg (default), mermaid or dot
  -o, --output <file>    write to <file> instead of stdout (never over a
                         manifest, ADR or other file the run reads)
      --focus <name>     only <name> and what it depends on or is used by
  -h, --help             this help

Exit code: 0 drawn, 1 no manifest describes any element, 2 bad usage.`;

export const diagram = defineCommand({
  name: 'diagram',
  summary: 'Draw the architecture as SVG, Mermaid or Graphviz DOT.',
  usage: USAGE,
  options: {
    format: { type: 'string', short: 'f' },
    output: { type: 'string', short: 'o' },
    focus: { type: 'string' },
  },
  async run({ values, positionals, io }) {
    const format = (values.format ?? 'svg') as DiagramFormat;
    if (!DIAGRAM_FORMATS.includes(format)) throw new UsageError(`unknown format '${values.format}': use ${DIAGRAM_FORMATS.join(', ')}.`);
    const targets = resolveTargets(positionals, io.cwd);
    const { engine, notes } = load(targets, io.cwd);
    for (const note of notes) io.stderr(`archframe: ${note}\n`);
    let graph;
    try {
      graph = workspaceDiagram(engine.snapshot(), engine.findings(), { focus: values.focus });
    } catch (error) {
      throw new UsageError((error as Error).message);
    }
    if (graph.nodes.length === 0) {
      io.stderr('archframe diagram: no component, datastore or channel found: is there an architecture.yaml or *.arch.yaml here?\n');
      return 1;
    }
    const text = await renderDiagram(graph, format);
    if (values.output === undefined) {
      io.stdout(text);
    } else {
      writeOutput({ given: values.output, file: path.resolve(io.cwd, values.output), what: 'the diagram' }, text, engine, targets);
      const flagged = graph.nodes.filter((n) => n.violations.length > 0).length + graph.edges.filter((e) => e.violations.length > 0).length;
      io.stderr(`archframe: wrote ${values.output}: ${graph.nodes.length} element(s), ${graph.edges.length} dependenc${graph.edges.length === 1 ? 'y' : 'ies'}, ${flagged} with findings.\n`);
    }
    return 0;
  },
});
