import { isSeq, type YAMLSeq } from 'yaml';
import { DRIFT_RULE, originText, sourceSystem } from '../../drift/sources';
import { dependencyAt, dependencyNode } from '../../graph/dependencies';
import { addKey, setPath } from '../../fixes/yamlEdits';
import { appendItem, removeItem } from '../../fixes/yamlRemovals';
import { channelKindsOf, dependency, flowYaml } from '../../import';
import type { ManifestDocument } from '../../parse/manifest';
import { findPair } from '../../parse/yamlAst';
import { at, elementMap, ownElements } from '../kit';
import { defineRule } from '../types';

export const rule = defineRule<ManifestDocument>({
  meta: {
    id: 'drift-mismatch',
    ...DRIFT_RULE,
    summary: 'A component\'s replicas and dependencies in the manifest are those its `sources:` (Compose, Kubernetes, Backstage) give it.',
  },
  check({ document, workspace, config, report }) {
    const sources = sourceSystem(workspace, document.uri, config);
    if (!sources) return;
    const model = workspace.manifests;
    const channelKinds = channelKindsOf(sources.system);
    for (const component of ownElements(workspace, document, 'components')) {
      const source = sources.byName.get(component.name);
      const map = elementMap(component);
      if (source?.section !== 'components' || !map) continue;
      const where = originText(source);
      const replicas = source.fields.replicas;
      if (replicas !== undefined && component.value!.replicas !== replicas) {
        const written = component.value!.replicas;
        report({
          at: at(component, written === undefined ? [] : ['replicas'], 'value'),
          message: `'${component.name}' runs ${replicas} replica${replicas === 1 ? '' : 's'} in ${where}; the manifest says ${written === undefined ? 'nothing' : written}.`,
          fixes: [{ title: `Set replicas to ${replicas}`, edits: [setPath(document, map, ['replicas'], String(replicas))] }],
          element: `components.${component.name}.replicas`,
        });
      }
      const edges = model.dependenciesOf(component.name);
      const declared = new Set(edges.map((edge) => edge.spec.target));
      const sequence = findPair(map, 'dependsOn')?.value;
      for (const wanted of source.dependsOn) {
        if (declared.has(wanted.target) || !model.element(wanted.target)) continue;
        const item = flowYaml(dependency(wanted, channelKinds));
        const edit = isSeq(sequence) ? appendItem(document, sequence as YAMLSeq, item) : addKey(document, map, 'dependsOn', `[${item}]`);
        report({
          at: at(component, isSeq(sequence) ? ['dependsOn'] : []),
          message: `'${component.name}' depends on '${wanted.target}' in ${where}; the manifest does not say so.`,
          fixes: [{ title: `Add the dependency on '${wanted.target}'`, edits: [edit] }],
          element: `components.${component.name}.dependsOn.${wanted.target}`,
        });
      }
      const given = new Set(source.dependsOn.map((d) => d.target));
      for (const edge of edges) {
        const target = edge.spec.target;
        if (given.has(target) || !sources.byName.has(target)) continue;
        const node = dependencyNode(edge);
        report({
          at: dependencyAt(edge),
          message: `The manifest has '${component.name}' depend on '${target}'; ${where} does not.`,
          fixes: node && isSeq(sequence) ? [{ title: `Remove the dependency on '${target}'`, edits: [removeItem(document, sequence as YAMLSeq, node)] }] : undefined,
          element: `components.${component.name}.dependsOn.${target}`,
        });
      }
    }
  },
});
