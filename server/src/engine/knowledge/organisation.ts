import type { KnowledgeInput } from './types';

/** Teams and ownership: Part XIII. */
export const ORGANISATION: KnowledgeInput[] = [
  {
    id: 'conways-law',
    title: "Conway's law",
    aliases: ["Conway's law", 'Conway’s law', 'Conways law', 'inverse Conway maneuver', 'inverse Conway manoeuvre', 'reverse Conway'],
    summary:
      'A system ends up mirroring the communication paths of the organisation that builds it. ' +
      'The inverse manoeuvre uses this on purpose: shape the teams and how they talk so that the architecture you want is the one that emerges.',
    reference: "Part XIII §1, Conway's Law",
    related: ['team-types', 'ownership'],
    rules: [],
  },
  {
    id: 'team-types',
    title: 'Team types',
    aliases: ['team type', 'team types', 'team topology', 'team topologies'],
    summary:
      'The framework distinguishes four kinds of team: stream-aligned (owns a product capability end to end), platform (internal services for the others), ' +
      'enabling (helps teams adopt new capabilities) and complicated-subsystem (deep specialist expertise). ' +
      'In a manifest: a team\'s `type`.',
    reference: 'Part XIII §2, Team Types',
    related: ['stream-aligned-team', 'platform-team', 'enabling-team', 'complicated-subsystem-team', 'conways-law'],
    rules: [],
  },
  {
    id: 'stream-aligned-team',
    title: 'Stream-aligned team',
    aliases: ['stream-aligned', 'stream-aligned team', 'stream aligned team'],
    summary:
      'A team of roughly five to nine people that owns one product capability from end to end, able to deliver changes without waiting on others. ' +
      'Most teams should be of this kind; the other types exist to support them.',
    reference: 'Part XIII §2, Team Types',
    related: ['team-types', 'platform-team', 'ownership'],
    rules: [],
  },
  {
    id: 'platform-team',
    title: 'Platform team',
    aliases: ['platform team', 'platform teams', 'internal platform'],
    summary:
      'A team of roughly five to nine people that builds internal services the stream-aligned teams use, such as deployment pipelines, observability or data infrastructure. ' +
      'Its customers are the other teams, which then need not build those services themselves.',
    reference: 'Part XIII §2, Team Types',
    related: ['team-types', 'stream-aligned-team'],
    rules: [],
  },
  {
    id: 'enabling-team',
    title: 'Enabling team',
    aliases: ['enabling team', 'enabling teams'],
    summary:
      'A small team (two to five people) of specialists who help other teams adopt a new practice or technology. ' +
      'It coaches and then moves on, rather than owning the work permanently.',
    reference: 'Part XIII §2, Team Types',
    related: ['team-types'],
    rules: [],
  },
  {
    id: 'complicated-subsystem-team',
    title: 'Complicated-subsystem team',
    aliases: ['complicated-subsystem', 'complicated subsystem', 'complicated-subsystem team'],
    summary:
      'A team of roughly three to seven people that owns a part requiring deep expertise (a pricing engine, a video codec, a risk model). ' +
      'It spares the stream-aligned teams that cognitive load.',
    reference: 'Part XIII §2, Team Types',
    related: ['team-types'],
    rules: [],
  },
  {
    id: 'ownership',
    title: 'Ownership model',
    aliases: ['ownership', 'ownership model', 'owning team', 'single owner', 'you build it you run it'],
    summary:
      'Each component belongs to exactly one team, which documents its interface, commits to its service levels and carries its on-call rotation. ' +
      'Shared ownership tends to mean no ownership. In a manifest: a component\'s `owner` names its team.',
    reference: 'Part XIII §3, Ownership Model',
    related: ['on-call', 'slo', 'state-ownership', 'conways-law'],
    rules: ['single-owner', 'on-call', 'unknown-reference'],
  },
];
