import type { SourceFields, SourceSection } from './types';

/**
 * Images of well-known stores, brokers and proxies, by the last part of the image name (registry, owner, tag and
 * digest left out): a Compose service or Kubernetes workload running one is a datastore, a channel or a gateway.
 */
interface Known {
  section: SourceSection;
  fields: SourceFields;
}

const datastore = (engine: string): Known => ({ section: 'datastores', fields: { engine } });
const channel = (technology: string, channelKind: 'queue' | 'topic' | 'stream'): Known => ({ section: 'channels', fields: { technology, channelKind } });
const gateway: Known = { section: 'components', fields: { kind: 'gateway' } };

const KNOWN: Record<string, Known> = {
  postgres: datastore('postgresql'),
  postgresql: datastore('postgresql'),
  'postgresql-ha': datastore('postgresql'),
  postgis: datastore('postgresql'),
  timescaledb: datastore('postgresql'),
  mysql: datastore('mysql'),
  'mysql-server': datastore('mysql'),
  percona: datastore('mysql'),
  mariadb: datastore('mariadb'),
  mongo: datastore('mongodb'),
  mongodb: datastore('mongodb'),
  'mongodb-community-server': datastore('mongodb'),
  redis: datastore('redis'),
  'redis-stack': datastore('redis'),
  'redis-stack-server': datastore('redis'),
  valkey: datastore('valkey'),
  keydb: datastore('keydb'),
  memcached: datastore('memcached'),
  cassandra: datastore('cassandra'),
  scylla: datastore('scylladb'),
  elasticsearch: datastore('elasticsearch'),
  opensearch: datastore('opensearch'),
  cockroach: datastore('cockroachdb'),
  'clickhouse-server': datastore('clickhouse'),
  clickhouse: datastore('clickhouse'),
  neo4j: datastore('neo4j'),
  influxdb: datastore('influxdb'),
  couchdb: datastore('couchdb'),
  couchbase: datastore('couchbase'),
  minio: datastore('minio'),
  server: datastore('sqlserver'), // mcr.microsoft.com/mssql/server: only with the mssql owner, see below
  'oracle-xe': datastore('oracle'),
  etcd: datastore('etcd'),
  zookeeper: datastore('zookeeper'),
  kafka: channel('kafka', 'stream'),
  'cp-kafka': channel('kafka', 'stream'),
  'cp-server': channel('kafka', 'stream'),
  redpanda: channel('redpanda', 'stream'),
  pulsar: channel('pulsar', 'stream'),
  rabbitmq: channel('rabbitmq', 'queue'),
  activemq: channel('activemq', 'queue'),
  'activemq-artemis': channel('activemq', 'queue'),
  artemis: channel('activemq', 'queue'),
  nats: channel('nats', 'topic'),
  'eclipse-mosquitto': channel('mqtt', 'topic'),
  mosquitto: channel('mqtt', 'topic'),
  nginx: gateway,
  'nginx-unprivileged': gateway,
  traefik: gateway,
  envoy: gateway,
  haproxy: gateway,
  kong: gateway,
  caddy: gateway,
};

/** `ghcr.io/acme/orders:1.4@sha256:…` → `orders`; with its owner (`acme/orders`) for the few names that need it. */
function imageName(image: string): { name: string; owner: string | undefined } {
  let rest = image.trim().toLowerCase().split('@')[0];
  const slash = rest.lastIndexOf('/');
  const colon = rest.lastIndexOf(':');
  if (colon > slash) rest = rest.slice(0, colon);
  const parts = rest.split('/');
  return { name: parts[parts.length - 1], owner: parts.length > 1 ? parts[parts.length - 2] : undefined };
}

/** What a container image says about the element that runs it, if it is a well-known store, broker or proxy. */
export function knownImage(image: string | undefined): Known | undefined {
  if (!image) return undefined;
  const { name, owner } = imageName(image);
  if (name === 'server') return owner === 'mssql' ? KNOWN.server : undefined;
  return KNOWN[name];
}
