import { isMap, type YAMLMap } from 'yaml';
import { DRIFT_RULE, SECTION_NOUN, isPrimaryManifest, originPlace, originText, sourceSystem } from '../../drift/sources';
import { addKey } from '../../fixes/yamlEdits';
import { channelKindsOf, elementBody, flowYaml } from '../../import';
import type { ManifestDocument } from '../../parse/manifest';
import { findPair } from '../../parse/yamlAst';
import { rootAt } from '../kit';
import { defineRule } from '../types';

export const rule = defineRule<ManifestDocument>({
  meta: {
    id: 'drift-missing',
    ...DRIFT_RULE,
    summary: 'Every component, datastore, channel and team that the `sources:` (Compose, Kubernetes, Backstage) describe is in the manifest.',
  },
  check({ document, workspace, config, report }) {
    const sources = sourceSystem(workspace, document.uri, config);
    if (!sources || !isPrimaryManifest(workspace, document)) return;
    const model = workspace.manifests;
    const root = document.yaml.contents;
    if (!isMap(root)) return;
    const channelKinds = channelKindsOf(sources.system);
    for (const element of sources.system.elements) {
      const present = element.section === 'teams' ? model.teams.has(element.name) : model.element(element.name) !== undefined;
      if (present) continue;
      const section = findPair(root, element.section)?.value;
      const body = elementBody(element, channelKinds);
      const edit = isMap(section) ? addKey(document, section as YAMLMap, element.name, flowYaml(body)) : addKey(document, root, element.section, flowYaml({ [element.name]: body }));
      const related = originPlace(workspace, document.uri, element);
      report({
        at: rootAt(document, [isMap(section) ? element.section : 'system']),
        message: `'${element.name}' is a ${SECTION_NOUN[element.section]} in ${originText(element)}, and not in the manifest.`,
        related: related && [{ at: related, message: `'${element.name}' is described here.` }],
        fixes: [{ title: `Add ${SECTION_NOUN[element.section]} '${element.name}' to the manifest`, edits: [edit] }],
        element: `${element.section}.${element.name}`,
      });
    }
  },
});
