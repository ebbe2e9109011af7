// Measures the extension's activation cost in a fresh Node process:
// require(dist/extension.js) with a stub `vscode` module, then activate() up to
// the moment the language client spawns the server (inside client.start()).
// The spawn is intercepted and refused, so no server runs. Prints JSON, with
// how the server would have been started (`launch`: module, Node options, and
// the environment variables the client adds).
// Usage: node activate-probe.cjs <path to extension.js>
const Module = require('node:module');
const childProcess = require('node:child_process');
const path = require('node:path');
const { performance } = require('node:perf_hooks');

const extension = path.resolve(process.argv[2]);
const root = path.dirname(path.dirname(extension));

/** Anything the extension may touch in the vscode API: every property is another stub, every call returns one. */
function stub(name) {
  const target = function () {};
  return new Proxy(target, {
    get(_, key) {
      if (key === 'then') return undefined; // not a promise
      if (key === Symbol.iterator) return function* () {};
      if (key === Symbol.toPrimitive) return () => name;
      if (key === 'toString') return () => name;
      if (name === 'vscode' && key === 'version') return '1.100.0';
      return stub(`${name}.${String(key)}`);
    },
    apply() {
      return stub(`${name}()`);
    },
    construct() {
      return stub(`new ${name}`);
    },
  });
}

const load = Module._load;
Module._load = function (request, ...rest) {
  if (request === 'vscode') return stub('vscode');
  return load.call(this, request, ...rest);
};

let spawnedAt;
let launch;
const refuse = (command, args, options) => {
  spawnedAt ??= performance.now();
  const added = Object.fromEntries(Object.entries(options?.env ?? {}).filter(([name, value]) => process.env[name] !== value));
  launch ??= { module: path.relative(root, String(command)), args, execArgv: options?.execArgv, env: added };
  throw new Error('probe: spawning the server is not part of the measurement');
};
childProcess.fork = refuse;
childProcess.spawn = refuse;

const t0 = performance.now();
const { activate } = require(extension);
const required = performance.now();
const context = { subscriptions: [], asAbsolutePath: (p) => path.join(root, p), extensionPath: root, globalState: stub('globalState'), workspaceState: stub('workspaceState') };
Promise.resolve()
  .then(() => activate(context))
  .catch((error) => { if (process.env.PROBE_DEBUG) console.error(error); })
  .then(() => {
    const done = performance.now();
    process.stdout.write(JSON.stringify({ requireMs: required - t0, toSpawnMs: spawnedAt === undefined ? null : spawnedAt - t0, activateMs: done - t0, launch }) + '\n');
    process.exit(0);
  });
