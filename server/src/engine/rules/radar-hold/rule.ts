import type { ManifestDocument, ManifestElement } from '../../parse/manifest';
import { at, ownElements } from '../kit';
import { defineRule } from '../types';

/** A technology name as matched: its words ("Docker Swarm", "docker-swarm" → docker swarm), and them spelt together. */
interface Words {
  list: string[];
  joined: string;
}

function wordsOf(text: string): Words {
  const list = text.toLowerCase().split(/[^a-z0-9.+#]+/).filter(Boolean);
  return { list, joined: list.join('') };
}

/** Does a technology name the held one (as a run of whole words, or spelt together)? */
function names(have: Words, want: Words): boolean {
  if (want.list.length === 0) return false;
  if (have.joined === want.joined) return true;
  for (let i = 0; i + want.list.length <= have.list.length; i++) {
    if (want.list.every((word, j) => have.list[i + j] === word)) return true;
  }
  return false;
}

interface Hold {
  name: string;
  words: Words;
  why: string;
  /** For the default radar's conditional holds. */
  applies?(element: ManifestElement): boolean;
}

const DEFAULT_HOLD: Hold[] = [
  { name: 'Docker Swarm', words: wordsOf('Docker Swarm'), why: 'the framework\'s radar holds it (Appendix A, Infrastructure): Kubernetes is the adopted orchestrator' },
  {
    name: 'MongoDB',
    words: wordsOf('MongoDB'),
    why: 'the framework\'s radar holds it for ACID workloads (Appendix A, Databases), and this datastore holds transactions or needs strong consistency',
    applies: (element) => element.section === 'datastores' && ((element.value as { transactions?: boolean }).transactions === true || (element.value as { consistency?: string }).consistency === 'strong'),
  },
];

export const rule = defineRule<ManifestDocument>({
  meta: {
    id: 'radar-hold',
    category: 'radar',
    severity: 'warning',
    summary: 'No technology in the radar\'s hold ring (the framework\'s radar, or the manifest\'s own `radar`).',
    reference: 'Appendix A, Technology Radar',
    appliesTo: 'manifest',
    scope: 'element',
  },
  check({ document, workspace, report }) {
    const radar = workspace.manifests.systemField(document, 'radar') ?? {};
    const listed = [...(radar.adopt ?? []), ...(radar.trial ?? []), ...(radar.assess ?? []), ...(radar.hold ?? [])].map(wordsOf);
    const holds: Hold[] = [
      ...DEFAULT_HOLD.filter((hold) => !listed.some((entry) => names(entry, hold.words))),
      ...(radar.hold ?? []).map((name) => ({ name, words: wordsOf(name), why: 'the manifest\'s radar holds it' })),
    ];
    if (holds.length === 0) return;
    const check = (element: ManifestElement, path: string[], technology: string | undefined) => {
      if (!technology) return;
      const have = wordsOf(technology);
      const hold = holds.find((h) => names(have, h.words) && (!h.applies || h.applies(element)));
      if (!hold) return;
      report({
        at: at(element, path, 'value'),
        message: `'${element.name}' uses ${technology}, in the hold ring: ${hold.why}. Do not start new work on it; record the reason in an ADR if it must stay.`,
        element: `${element.section}.${element.name}.${path.join('.')}`,
      });
    };
    for (const component of ownElements(workspace, document, 'components')) {
      const technology = component.value!.technology ?? {};
      for (const key of ['language', 'framework', 'runtime'] as const) check(component, ['technology', key], technology[key]);
    }
    for (const datastore of ownElements(workspace, document, 'datastores')) check(datastore, ['engine'], datastore.value!.engine);
    for (const channel of ownElements(workspace, document, 'channels')) check(channel, ['technology'], channel.value!.technology);
  },
});
