import { z } from 'zod';

/**
 * A framework entry, written in the project's own words from
 * shared/framework/architecture-framework.md, with its Part and section.
 */
export const knowledgeEntrySchema = z.strictObject({
  /** Stable kebab-case id, referenced by rules and enum values. */
  id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/),
  title: z.string().min(1),
  /** Words that mark the entry in text (case-insensitive), e.g. "CQRS", "command query responsibility segregation". */
  aliases: z.array(z.string().min(1)),
  /** A short explanation in Markdown, in the project's own words. */
  summary: z.string().min(20),
  /** The framework's Part and section as it names them, e.g. "Part V §2, Consistency Models". */
  reference: z.string().min(4),
  related: z.array(z.string()).default([]),
  rules: z.array(z.string()).default([]),
});

export type KnowledgeEntry = z.infer<typeof knowledgeEntrySchema>;
/** An entry as written in the data files, before the schema's defaults. */
export type KnowledgeInput = z.input<typeof knowledgeEntrySchema>;
