import { z } from 'zod';
import { extendsSchema, policiesSchema } from './policies';

/** `.archframe.yaml` at the workspace root. */

const severitySetting = z.enum(['error', 'warning', 'info', 'hint', 'off']);

export const DEFAULT_FOLDERS = {
  adr: ['docs/adr', 'doc/adr', 'docs/decisions', 'docs/architecture/decisions', 'docs/architecture-decisions', 'adr', 'decisions'],
  runbooks: ['docs/runbooks', 'runbooks'],
  postmortems: ['docs/postmortems', 'postmortems', 'docs/incidents'],
} as const;

export const ADR_FORMATS = ['nygard', 'framework', 'madr', 'log4brains'] as const;

const folderList = z.union([z.string(), z.array(z.string())]);

export const configSchema = z.strictObject({
  rules: z.record(z.string(), severitySetting).optional().meta({ description: 'Severity per rule id: error, warning, info, hint or off.' }),
  ignore: z.array(z.string()).optional().meta({ description: 'Globs of workspace-relative paths that are not analysed.' }),
  suppressions: z
    .strictObject({ requireReason: z.boolean().optional().meta({ description: 'Suppression comments must give a reason after `--`.' }) })
    .optional()
    .meta({ description: 'How `archframe-disable` suppression comments are checked.' }),
  folders: z
    .strictObject({ adr: folderList.optional(), runbooks: folderList.optional(), postmortems: folderList.optional() })
    .optional()
    .meta({ description: 'Where ADRs, runbooks and postmortems live (workspace-relative).' }),
  adr: z
    .strictObject({
      format: z.enum(ADR_FORMATS).optional().meta({ description: 'The ADR format the team uses; its section rule then applies to every ADR.' }),
      statuses: z.array(z.string()).optional().meta({ description: 'Extra status words the team uses.' }),
    })
    .optional()
    .meta({ description: 'How the team writes ADRs: their format and extra status words.' }),
  maxFileSize: z.number().int().positive().optional().meta({ description: 'Largest file analysed, in bytes (default 5 MB).' }),
  sources: folderList
    .optional()
    .meta({ description: 'Compose files, Kubernetes manifests and Backstage catalogs (files or folders, workspace-relative) that the manifest must agree with: the drift-* rules report where they differ.' }),
  policies: policiesSchema
    .optional()
    .meta({ description: 'Team policies: rules the team writes in the manifest\'s terms (forbid a dependency, require fields); findings carry the code policy/<id> (docs/policies.md).' }),
  extends: extendsSchema
    .optional()
    .meta({ description: 'YAML files with more `policies:` (paths relative to this file, inside the workspace), shared between repositories.' }),
});

export type Config = z.infer<typeof configSchema>;

export const DEFAULT_MAX_FILE_SIZE = 5 * 1024 * 1024;
