import type { ManifestDocument } from '../../parse/manifest';
import { at, ownElements, rootAt } from '../kit';
import { defineRule } from '../types';
import type { Place } from '../../model/findings';

export const rule = defineRule<ManifestDocument>({
  meta: {
    id: 'decision-record',
    category: 'axiom-5',
    severity: 'warning',
    summary: 'Hard-to-reverse choices (language, framework, database engine, messaging technology, architectural style) name the ADR that records them.',
    reference: 'Part XIV §3, Reversibility Matrix; Part XIV §1',
    appliesTo: 'manifest',
    scope: 'element',
  },
  check({ document, workspace, report }) {
    const missing = (place: Place, element: string, choice: string, where: string) =>
      report({
        at: place,
        message: `${choice} is a hard-to-reverse choice with no decision record: add ${where} naming the ADR that weighed it.`,
        element: `${element}.decisions`,
      });
    const has = (decisions: readonly unknown[] | undefined) => (decisions?.length ?? 0) > 0;

    if (document.readable && document.root.style && !has(document.root.decisions)) {
      missing(rootAt(document, ['style'], 'value'), 'system', `The system's style '${document.root.style}'`, 'top-level `decisions`');
    }
    for (const component of ownElements(workspace, document, 'components')) {
      const technology = component.value!.technology;
      if (has(component.value!.decisions) || !technology) continue;
      const chosen = (['language', 'framework'] as const).filter((key) => technology[key]);
      if (chosen.length === 0) continue;
      const what = chosen.map((key) => `${key} ${technology[key]}`).join(' and ');
      missing(at(component, ['technology', chosen[0]], 'value'), `components.${component.name}`, `'${component.name}' uses ${what}, which`, '`decisions` to the component');
    }
    for (const datastore of ownElements(workspace, document, 'datastores')) {
      const engine = datastore.value!.engine;
      if (!engine || has(datastore.value!.decisions)) continue;
      missing(at(datastore, ['engine'], 'value'), `datastores.${datastore.name}`, `The engine ${engine} of '${datastore.name}'`, '`decisions` to the datastore');
    }
    for (const channel of ownElements(workspace, document, 'channels')) {
      const technology = channel.value!.technology;
      if (!technology || has(channel.value!.decisions)) continue;
      missing(at(channel, ['technology'], 'value'), `channels.${channel.name}`, `The technology ${technology} of '${channel.name}'`, '`decisions` to the channel');
    }
  },
});
