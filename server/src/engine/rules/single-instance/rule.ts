import { setPath } from '../../fixes/yamlEdits';
import { percentValue } from '../../model/values';
import type { ManifestDocument } from '../../parse/manifest';
import { at, elementMap, isServing, ownElements } from '../kit';
import { defineRule } from '../types';

/** From this availability on, one instance cannot deliver the promise. */
const REDUNDANT_FROM = 99.9;

export const rule = defineRule<ManifestDocument>({
  meta: {
    id: 'single-instance',
    category: 'axiom-3',
    severity: 'warning',
    summary: 'A service or gateway that promises 99.9 % availability or more runs at least 2 replicas.',
    reference: 'Part II, Axiom 3; Part VIII §2, Horizontal Scaling',
    appliesTo: 'manifest',
    scope: 'element',
    knowledge: ['redundancy', 'axiom-3'],
    fixable: true,
  },
  check({ document, workspace, report }) {
    for (const component of ownElements(workspace, document, 'components')) {
      const { kind, slo, replicas } = component.value!;
      const availability = percentValue(slo?.availability);
      if (!isServing(kind) || availability === undefined || availability < REDUNDANT_FROM || (replicas ?? 1) >= 2) continue;
      const map = elementMap(component);
      report({
        at: replicas === undefined ? at(component) : at(component, ['replicas'], 'value'),
        message: `${kind} '${component.name}' promises ${availability} % availability with ${replicas === undefined ? 'no replicas declared (one instance)' : `${replicas} replica${replicas === 1 ? '' : 's'}`}: every crash, deployment or node failure takes it down entirely. Run at least 2 replicas.`,
        fixes: map ? [{ title: 'Set replicas: 2', edits: [setPath(document, map, ['replicas'], '2')], isPreferred: true }] : undefined,
        element: `components.${component.name}.replicas`,
      });
    }
  },
});
