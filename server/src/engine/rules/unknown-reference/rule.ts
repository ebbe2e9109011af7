import { dependencyAt, dependencyElement, ownEdges } from '../../graph/dependencies';
import type { Fix, Place } from '../../model/findings';
import type { ManifestDocument } from '../../parse/manifest';
import { closestMatch } from '../../text/strings';
import { at, ownElements } from '../kit';
import { defineRule } from '../types';

export const rule = defineRule<ManifestDocument>({
  meta: {
    id: 'unknown-reference',
    category: 'axiom-1',
    severity: 'error',
    summary: 'Every `target`, `owner`, `layer` and `deadLetter` names something that exists in the workspace.',
    reference: 'Part III §1, Component Boundaries; Part XIII §3, Ownership Model',
    appliesTo: 'manifest',
    scope: 'element',
    knowledge: ['component', 'ownership'],
    fixable: true,
  },
  check({ document, workspace, report }) {
    const model = workspace.manifests;
    const unknown = (place: Place, name: string, what: string, candidates: Iterable<string>, element: string) => {
      const suggestion = closestMatch(name, candidates);
      const fixes: Fix[] | undefined = suggestion
        ? [{ title: `Change to '${suggestion}'`, edits: [{ uri: place.uri, range: place.lines.range(place.span), newText: suggestion }], isPreferred: true }]
        : undefined;
      report({ at: place, message: `'${name}' names no ${what}.${suggestion ? ` Did you mean '${suggestion}'?` : ''}`, fixes, element });
    };
    const everything = () => [...model.components.keys(), ...model.datastores.keys(), ...model.channels.keys()];

    for (const edge of ownEdges(workspace, document)) {
      if (edge.target) continue;
      unknown(dependencyAt(edge), edge.spec.target, 'component, datastore or channel in the workspace', everything(), `${dependencyElement(edge)}.target`);
    }
    const layers = model.layersOf(document);
    for (const component of ownElements(workspace, document, 'components')) {
      const { owner, layer } = component.value!;
      if (owner !== undefined && !model.teams.has(owner)) {
        unknown(at(component, ['owner'], 'value'), owner, 'team in the workspace', model.teams.keys(), `components.${component.name}.owner`);
      }
      if (layer !== undefined && layers.length > 0 && !layers.includes(layer)) {
        unknown(at(component, ['layer'], 'value'), layer, `layer of this manifest (${layers.join(', ')})`, layers, `components.${component.name}.layer`);
      }
    }
    for (const datastore of ownElements(workspace, document, 'datastores')) {
      const { owner } = datastore.value!;
      if (owner !== undefined && !model.components.has(owner)) {
        unknown(at(datastore, ['owner'], 'value'), owner, 'component in the workspace', model.components.keys(), `datastores.${datastore.name}.owner`);
      }
    }
    for (const channel of ownElements(workspace, document, 'channels')) {
      const { deadLetter } = channel.value!;
      if (deadLetter !== undefined && !model.channels.has(deadLetter)) {
        unknown(at(channel, ['deadLetter'], 'value'), deadLetter, 'channel in the workspace', model.channels.keys(), `channels.${channel.name}.deadLetter`);
      }
    }
  },
});
