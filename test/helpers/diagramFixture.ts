// A fixture for the diagram tests: a small layered system with
// every kind of element and edge, a cycle, an upward edge, typos and a missing target.
import { engineFor, lines } from './engine';
import type { Finding } from '../../server/src/engine/model/findings';
import { workspaceDiagram, type DiagramGraph } from '../../server/src/engine/diagram';

export const SYSTEM = lines(
  'archframe: 1',
  'system: tickets',
  'style: layered',
  'layers: [ui, app, core, infra]',
  'components:',
  '  web:',
  '    kind: frontend',
  '    layer: ui',
  '    dependsOn:',
  '      - { target: booking, via: http, timeout: 1s }',
  '  booking:',
  '    kind: service',
  '    layer: app',
  '    dependsOn:',
  '      - { target: pricing, via: grpc, timout: 1s }',
  '      - { target: booking-events, via: event, access: write }',
  '      - { target: seats-db, via: database, timeout: 100ms }',
  '      - { target: money, via: library }',
  '  pricing:',
  '    kind: service',
  '    layer: core',
  '    auth: mtlss',
  '    dependsOn:',
  '      - { target: booking, via: http, timeout: 1s }',
  '  money:',
  '    kind: library',
  '    layer: core',
  '  mailer:',
  '    kind: worker',
  '    layer: infra',
  '    dependsOn:',
  '      - { target: booking-events, via: queue, access: read }',
  '      - ghost',
  '  report:',
  '    kind: job',
  'datastores:',
  '  seats-db: { engine: postgresql, owner: booking }',
  'channels:',
  '  booking-events: { kind: topic, technology: nats }',
);

export function systemGraph(extraFindings: Finding[] = []): DiagramGraph {
  const engine = engineFor({ 'architecture.yaml': SYSTEM });
  const findings = new Map(engine.findings());
  if (extraFindings.length > 0) findings.set('extra', extraFindings);
  return workspaceDiagram(engine.snapshot(), findings);
}

