import { isMap } from 'yaml';
import { DRIFT_RULE, sourceSystem } from '../../drift/sources';
import { removePair } from '../../fixes/yamlRemovals';
import type { ManifestDocument } from '../../parse/manifest';
import { findPair } from '../../parse/yamlAst';
import { at, ownElements } from '../kit';
import { defineRule } from '../types';

export const rule = defineRule<ManifestDocument>({
  meta: {
    id: 'drift-extra',
    ...DRIFT_RULE,
    summary: 'Every component of the manifest is described by one of the `sources:` (Compose, Kubernetes, Backstage).',
  },
  check({ document, workspace, config, report }) {
    const sources = sourceSystem(workspace, document.uri, config);
    if (!sources) return;
    const root = document.yaml.contents;
    const components = isMap(root) ? findPair(root, 'components')?.value : undefined;
    const files = sources.files.length === 0 ? 'none of them is a Compose file, Kubernetes manifest or Backstage catalog' : listed(sources.files);
    for (const component of ownElements(workspace, document, 'components')) {
      if (sources.byName.get(component.name)?.section === 'components') continue;
      const pair = isMap(components) ? findPair(components, component.name) : undefined;
      report({
        at: at(component),
        message: `'${component.name}' is in the manifest but in none of the sources (${files}): retired, renamed, or not deployed from them?`,
        fixes: pair && isMap(components) ? [{ title: `Remove '${component.name}' from the manifest`, edits: [removePair(document, components, pair)] }] : undefined,
        element: `components.${component.name}`,
      });
    }
  },
});

function listed(files: readonly string[]): string {
  return files.length <= 3 ? files.join(', ') : `${files.slice(0, 3).join(', ')} and ${files.length - 3} more`;
}
