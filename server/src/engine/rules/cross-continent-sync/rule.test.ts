import { lines } from '../../../../../test/helpers/engine';
import { ruleTests } from '../../../../../test/helpers/ruleTester';

const head = ['archframe: 1', 'system: shop', 'components:', '  api:', '    kind: service', '    dependsOn:'];
const tail = ['  b: { kind: service }', 'channels:', '  events: { kind: topic }'];

ruleTests('cross-continent-sync', {
  valid: [
    { name: 'an event across continents is fine', manifest: lines(...head, '      - { target: events, via: event, access: write, distance: cross-continent }', ...tail) },
    { name: 'a cross-region synchronous call', manifest: lines(...head, '      - { target: b, via: http, distance: cross-region }', ...tail) },
  ],
  invalid: [{ name: 'a synchronous call across a continent', manifest: lines(...head, '      - { target: b, via: grpc, distance: cross-continent }', ...tail), findings: [{ text: 'cross-continent', message: /'api' waits on 'b' across a continent: about 150 ms per round trip/, severity: 'info' }] }],
});
