import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { parse } from 'yaml';
import { lines } from '../../../../test/helpers/engine';
import { parseManifest } from '../parse/manifest';
import { importManifest, readSource, type SourceFile } from '.';

const FIXTURES = join(__dirname, '../../../../test/fixtures/import');

function fixture(folder: string): SourceFile[] {
  return readdirSync(join(FIXTURES, folder))
    .sort()
    .map((name) => ({ path: `${folder}/${name}`, text: readFileSync(join(FIXTURES, folder, name), 'utf8') }));
}

/** The imported manifest as data, and the manifest parser's problems on it (there must be none). */
function imported(files: SourceFile[]) {
  const result = importManifest(files);
  const manifest = parseManifest('file:///w/architecture.yaml', result.text);
  return { result, data: parse(result.text), problems: manifest.problems.map((p) => `${p.ruleId}: ${p.message}`) };
}

describe('import: Compose', () => {
  const { result, data, problems } = imported(fixture('compose'));

  it('writes a manifest without a schema problem', () => {
    assert.deepEqual(problems, []);
    assert.deepEqual(result.system.problems, []);
    assert.equal(data.system, 'voting-app');
  });

  it('maps services by their image: stores become datastores and channels with their engine, proxies gateways', () => {
    assert.deepEqual(Object.keys(data.components), ['vote', 'result', 'worker-service', 'proxy']);
    assert.deepEqual(data.datastores, { redis: { engine: 'redis' }, db: { engine: 'postgresql' } });
    assert.deepEqual(data.channels, { events: { kind: 'stream', technology: 'kafka' } });
    assert.equal(data.components.proxy.kind, 'gateway');
  });

  it('keeps replicas, health checks, exposure from ports, and both forms of depends_on (and links)', () => {
    assert.deepEqual(data.components.vote, {
      kind: 'service',
      replicas: 2,
      exposure: 'public',
      observability: { healthCheck: 'curl -f http://localhost/healthz' },
      dependsOn: [{ target: 'redis', via: 'database' }],
    });
    assert.equal(data.components.result.exposure, 'private', 'bound to 127.0.0.1 only');
    assert.equal(data.components['worker-service'].kind, 'worker', 'no port: a worker');
    assert.deepEqual(data.components.proxy.dependsOn, ['vote', 'result']);
  });

  it('names the file and line of each element in a comment, with the original name when it changed', () => {
    assert.match(result.text, /# from compose\/docker-compose\.yml:29 'Worker_Service' \(built from source\)\n {2}worker-service:/);
    assert.match(result.text, /# from compose\/docker-compose\.yml:45 \(image docker\.io\/library\/postgres:16\)\n {2}db:/);
  });

  it('says in the manifest that the findings are the to-do list', () => {
    assert.match(result.text, /^# Imported by archframe import from 1 file\.\n# What the rules report on this manifest now is the team's to-do list/);
  });

  it('makes a service that others depend on a service, even when it publishes no port', () => {
    const text = ['services:', '  web:', '    image: shop/web', '    ports: ["8080:80"]', '    depends_on: [api]', '  api:', '    image: shop/api', '  mailer:', '    image: shop/mailer', ''].join('\n');
    const { data } = imported([{ path: 'compose.yaml', text }]);
    assert.equal(data.components.api.kind, 'service', 'web calls it');
    assert.equal(data.components.mailer.kind, 'worker', 'nobody calls it, no port');
  });

  it('gives a datastore the one component that uses it as its owner', () => {
    assert.equal(data.datastores.db.owner, undefined, 'two components use db');
    const single = imported([{ path: 'c.yml', text: lines('services:', '  api:', '    image: acme/api', '    depends_on: [db]', '  db:', '    image: mongo:7') }]);
    assert.deepEqual(single.data.datastores.db, { engine: 'mongodb', owner: 'api' });
  });
});

describe('import: Kubernetes', () => {
  const { result, data, problems } = imported(fixture('kubernetes'));

  it('writes a manifest without a schema problem', () => {
    assert.deepEqual(problems, []);
    assert.deepEqual(result.system.problems, []);
  });

  it('maps workloads: replicas, probes, a store image as a datastore, a CronJob as a job', () => {
    assert.deepEqual(Object.keys(data.components), ['frontend', 'guestbook-cleanup', 'redis-follower']);
    assert.equal(data.components.frontend.replicas, 3);
    assert.deepEqual(data.components.frontend.observability, { healthCheck: '/healthz' });
    assert.equal(data.components['guestbook-cleanup'].kind, 'job');
    assert.deepEqual(data.datastores, { 'redis-leader': { engine: 'redis' } });
  });

  it('applies Services and Ingresses across files: selected workloads are services, internal, or public behind an Ingress', () => {
    assert.equal(data.components.frontend.kind, 'service');
    assert.equal(data.components.frontend.exposure, 'public');
    assert.equal(data.components['redis-follower'].exposure, 'internal');
  });

  it('finds dependencies in environment values that name a Service as a host', () => {
    assert.deepEqual(data.components.frontend.dependsOn, [{ target: 'redis-leader', via: 'database' }, 'redis-follower']);
    assert.deepEqual(data.components['guestbook-cleanup'].dependsOn, [{ target: 'redis-leader', via: 'database' }]);
  });

  it('reports a document without kind on its line, and reads the others', () => {
    const part = readSource({ path: 'k8s/app.yaml', text: lines('apiVersion: apps/v1', 'kind: Deployment', 'metadata: { name: api }', '---', 'apiVersion: v1', 'metadata:', '  name: broken') });
    assert.deepEqual(part.problems.map((p) => `${p.path}:${p.line}:${p.column} ${p.message}`), ['k8s/app.yaml:5:1 Kubernetes: a document without `kind` (apiVersion v1): every object needs its kind (Deployment, Service…).']);
    assert.deepEqual(part.elements.map((e) => e.name), ['api']);
  });
});

describe('import: Backstage', () => {
  const { result, data, problems } = imported(fixture('backstage'));

  it('writes a manifest without a schema problem, named after the System', () => {
    assert.deepEqual(problems, []);
    assert.equal(data.system, 'artist-engagement');
    assert.equal(data.description, 'Everything about artists and their fans.');
  });

  it('maps Components by type, Groups to teams, owners, and Resources to datastores and channels', () => {
    assert.deepEqual(data.teams, { 'team-a': {} });
    assert.equal(data.components['artist-web'].kind, 'frontend');
    assert.equal(data.components['artist-web'].owner, 'team-a');
    assert.equal(data.components['artist-lookup-service'].owner, 'team-a', 'group:default/team-a resolves');
    assert.equal(data.components['playback-order'].owner, undefined, 'a user is not a team');
    assert.deepEqual(data.datastores['artists-db'], { owner: 'artist-lookup-service' });
    assert.deepEqual(data.channels['playback-events'], { kind: 'stream', technology: 'kafka' });
  });

  it('resolves every form of entity reference, and an API consumed to the component that provides it', () => {
    assert.deepEqual(data.components['artist-web'].dependsOn, [{ target: 'artist-lookup-service', via: 'grpc' }]);
    assert.deepEqual(data.components['artist-lookup-service'].dependsOn, [{ target: 'artists-db', via: 'database' }, 'playback-order']);
  });

  it('notes a reference to nothing imported, on its line, and leaves it out', () => {
    assert.deepEqual(result.system.problems.map((p) => `${p.path}:${p.line} ${p.severity} ${p.message}`), [
      "backstage/catalog-info.yaml:50 note 'playback-order' consumes api:streaming-events, which no imported component provides: that dependency is left out.",
    ]);
  });

  it('creates a team for an owner group that no file describes', () => {
    const single = imported([{ path: 'c.yaml', text: lines('apiVersion: backstage.io/v1alpha1', 'kind: Component', 'metadata: { name: api }', 'spec: { type: service, lifecycle: production, owner: group:Payments_Team }') }]);
    assert.deepEqual(single.data.teams, { 'payments-team': {} });
    assert.equal(single.data.components.api.owner, 'payments-team');
    assert.match(single.result.text, /# named as an owner \('Payments_Team'\); no imported file describes this team\n {2}payments-team: \{\}/);
    assert.deepEqual(single.problems, []);
  });
});

describe('import: names', () => {
  it('merges one thing described by two kinds of source, and keeps both origins', () => {
    const { data, result } = imported([
      { path: 'catalog-info.yaml', text: lines('apiVersion: backstage.io/v1alpha1', 'kind: Component', 'metadata: { name: orders }', 'spec: { type: service, lifecycle: production, owner: shop }') },
      { path: 'compose.yaml', text: lines('services:', '  orders:', '    image: acme/orders', '    deploy: { replicas: 3 }') },
    ]);
    assert.deepEqual(data.components, { orders: { kind: 'service', owner: 'shop', replicas: 3 } });
    assert.match(result.text, /# from catalog-info\.yaml:3 \(type service, lifecycle production\)\n {2}# from compose\.yaml:2 \(image acme\/orders\)\n {2}orders:/);
  });

  it('makes names kebab-case and unique, and says what each was', () => {
    const { data, result, problems } = imported([
      { path: 'a/compose.yaml', text: lines('services:', '  OrdersAPI:', '    image: acme/orders', '  orders_api:', '    image: acme/orders2', '  cache:', '    image: redis') },
      { path: 'k8s.yaml', text: lines('apiVersion: apps/v1', 'kind: Deployment', 'metadata: { name: cache }', 'spec: { template: { spec: { containers: [{ name: c, image: acme/cache }] } } }') },
    ]);
    assert.deepEqual(problems, []);
    assert.deepEqual(Object.keys(data.components), ['orders-api', 'orders-api-2', 'cache-service']);
    assert.deepEqual(Object.keys(data.datastores), ['cache']);
    assert.match(result.text, /# from a\/compose\.yaml:4 'orders_api' \(image acme\/orders2\)\n {2}orders-api-2:/);
  });
});

describe('import: bad input', () => {
  it('reports a Compose file that is not YAML on the line of the error', () => {
    const part = readSource({ path: 'compose.yaml', text: lines('services:', '  web:', '    image: "nginx', '    ports: [80') });
    assert.ok(part.problems.length > 0);
    assert.equal(part.problems[0].severity, 'error');
    assert.equal(part.problems[0].path, 'compose.yaml');
    assert.ok(part.problems[0].line >= 3, `line ${part.problems[0].line}`);
  });

  it('reports a service that is not a map, and a depends_on that names no service', () => {
    const part = readSource({ path: 'compose.yaml', text: lines('services:', '  web: nginx', '  api:', '    depends_on: [dbb]') });
    assert.deepEqual(part.problems.map((p) => `${p.line}:${p.column} ${p.message}`), [
      "2:8 Compose: service 'web' must be a map (image, ports, depends_on…).",
      "4:18 Compose: service 'api' depends on 'dbb', which is not a service of this file.",
    ]);
  });

  it('tells apart a file that is none of the three kinds', () => {
    assert.equal(readSource({ path: '.github/workflows/ci.yml', text: lines('on: push', 'jobs:', '  test: { runs-on: ubuntu-latest }') }).kind, undefined);
  });
});
