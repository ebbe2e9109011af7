// npm run bench:import [-- --services=500]
//
// Generates a Compose file of N services and a Kubernetes folder of N workloads (with their Services, an Ingress
// and environment that names other Services) into .bench/import/, then times `archframe import` on each through
// the built CLI (dist/cli.js, what ships: process start included) and the engine's import alone, in process.
// The target: 500 services or workloads in under 2 s. Figures only: nothing here passes or fails.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { importManifest } from '../../server/src/engine/import';

const ROOT = resolve(__dirname, '../..');
const CLI = join(ROOT, 'dist/cli.js');
const OUT = join(ROOT, '.bench/import');
const count = Number(process.argv.find((a) => a.startsWith('--services='))?.slice('--services='.length) ?? 500);
const STORES = ['postgres:16', 'redis:7', 'bitnami/kafka:3.6', 'mongo:7', 'rabbitmq:3-management'];

/** Every tenth service is a store; each service depends on the two before it and on a store. */
function compose(n: number): string {
  const lines = ['name: bench', 'services:'];
  for (let i = 0; i < n; i++) {
    lines.push(`  svc-${i}:`);
    if (i % 10 === 0) {
      lines.push(`    image: ${STORES[(i / 10) % STORES.length]}`, '    healthcheck:', '      test: ["CMD-SHELL", "true"]');
      continue;
    }
    lines.push(`    image: ghcr.io/acme/svc-${i}:1.${i}`, `    ports: ["${8000 + i}:8080"]`, '    deploy:', `      replicas: ${1 + (i % 3)}`);
    lines.push('    healthcheck:', '      test: ["CMD", "curl", "-f", "http://localhost:8080/healthz"]', '    depends_on:');
    lines.push(`      svc-${i - (i % 10)}:`, '        condition: service_healthy');
    for (const j of [i - 1, i - 2]) if (j > 0 && j % 10 !== 0) lines.push(`      svc-${j}:`, '        condition: service_started');
  }
  return lines.join('\n') + '\n';
}

/** Ten workloads a file: each a Deployment (every tenth a StatefulSet running a store) and its Service. */
function kubernetes(n: number): Map<string, string> {
  const files = new Map<string, string>();
  for (let file = 0; file * 10 < n; file++) {
    const documents: string[] = [];
    for (let i = file * 10; i < Math.min(n, file * 10 + 10); i++) {
      const store = i % 10 === 0;
      const env = store ? '' : `\n          env:\n            - name: DATABASE_URL\n              value: postgres://app@wl-${i - (i % 10)}:5432/app\n            - name: UPSTREAM\n              value: http://wl-${Math.max(1, i - 1)}.default.svc.cluster.local:8080`;
      documents.push(`apiVersion: apps/v1
kind: ${store ? 'StatefulSet' : 'Deployment'}
metadata:
  name: wl-${i}
spec:
  replicas: ${1 + (i % 3)}
  selector:
    matchLabels: { app: wl-${i} }
  template:
    metadata:
      labels: { app: wl-${i} }
    spec:
      containers:
        - name: main
          image: ${store ? STORES[(i / 10) % STORES.length] : `ghcr.io/acme/wl-${i}:1.0`}${env}
          readinessProbe:
            httpGet: { path: /ready, port: 8080 }`);
      documents.push(`apiVersion: v1
kind: Service
metadata:
  name: wl-${i}
spec:
  selector: { app: wl-${i} }
  ports: [{ port: 8080 }]`);
    }
    files.set(`workloads-${String(file).padStart(3, '0')}.yaml`, documents.join('\n---\n') + '\n');
  }
  files.set('ingress.yaml', `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: edge
spec:
  rules:
    - http:
        paths:
          - { path: /, pathType: Prefix, backend: { service: { name: wl-1, port: { number: 8080 } } } }
`);
  return files;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function timeCli(args: string[]): { ms: number; summary: string } {
  const runs: number[] = [];
  let summary = '';
  for (let i = 0; i < 3; i++) {
    const start = performance.now();
    const result = spawnSync(process.execPath, [CLI, 'import', ...args], { cwd: OUT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    runs.push(performance.now() - start);
    if (result.status !== 0) throw new Error(`archframe import ${args.join(' ')} exited ${result.status}: ${result.stderr}`);
    summary = result.stderr.trim().split('\n')[0];
  }
  return { ms: median(runs), summary };
}

function timeEngine(files: { path: string; text: string }[]): number {
  const runs: number[] = [];
  for (let i = 0; i < 5; i++) {
    const start = performance.now();
    importManifest(files);
    runs.push(performance.now() - start);
  }
  return median(runs);
}

rmSync(OUT, { recursive: true, force: true });
mkdirSync(join(OUT, 'k8s'), { recursive: true });
writeFileSync(join(OUT, 'docker-compose.yml'), compose(count));
for (const [name, text] of kubernetes(count)) writeFileSync(join(OUT, 'k8s', name), text);

const composeFiles = [{ path: 'docker-compose.yml', text: readFileSync(join(OUT, 'docker-compose.yml'), 'utf8') }];
const k8sFiles = readdirSync(join(OUT, 'k8s')).map((name) => ({ path: `k8s/${name}`, text: readFileSync(join(OUT, 'k8s', name), 'utf8') }));
const rows = [
  { what: `Compose, ${count} services (1 file, ${Math.round(composeFiles[0].text.length / 1024)} KB)`, cli: timeCli(['docker-compose.yml']), engine: timeEngine(composeFiles) },
  { what: `Kubernetes, ${count} workloads (${k8sFiles.length} files, ${Math.round(k8sFiles.reduce((s, f) => s + f.text.length, 0) / 1024)} KB)`, cli: timeCli(['k8s']), engine: timeEngine(k8sFiles) },
];
console.log('| import | archframe import (CLI, process start included; median of 3) | engine only (median of 5) |');
console.log('|---|---:|---:|');
for (const row of rows) console.log(`| ${row.what} | ${Math.round(row.cli.ms)} ms | ${Math.round(row.engine)} ms |`);
for (const row of rows) console.log(`  ${row.cli.summary}`);
console.log('Target: under 2,000 ms for 500 services or workloads.');
