// The import rules of ARCHITECTURE.md, checked by dependency-cruiser in `npm test` (test/architecture.test.ts).
// Type-only imports count (tsPreCompilationDeps), and there is no exception list: code moves down instead.

/** The engine's layers, from the ground up: a module may import its own layer and the ones below, never above. */
const ENGINE_LAYERS = [
  ['text', ['text/']],
  ['model', ['model/']],
  ['read', ['parse/', 'catalog/', 'import/']],
  ['workspace', ['workspace/']],
  ['domain', ['graph/', 'fixes/', 'templates/', 'knowledge/', 'drift/']],
  ['rules', ['rules/']],
  ['features', ['features/', 'commands/', 'diagram/', 'suppressions\\.ts$']],
  ['analysis', ['analysis\\.ts$']],
];
const ENGINE = '^server/src/engine/';
const pathsOf = (folders) => folders.map((folder) => ENGINE + folder);

/** The VS Code and LSP libraries, by name (unresolved) or as resolved under node_modules. */
const LSP_LIBRARIES = '(^|node_modules/)(vscode-languageserver|vscode-languageserver-protocol|vscode-languageserver-textdocument|vscode-languageserver-types|vscode-jsonrpc)($|/)';
const VSCODE_CLIENT = '(^|node_modules/)(vscode|@types/vscode|vscode-languageclient)($|/)';
const VSCODE = [LSP_LIBRARIES, VSCODE_CLIENT];

const layerRules = ENGINE_LAYERS.slice(0, -1).map(([name, folders], index) => ({
  name: `engine-layer-${name}`,
  comment: `engine/${folders.join(', ')} (layer "${name}") imports nothing from a higher layer (ARCHITECTURE.md, "Layers")`,
  severity: 'error',
  from: { path: pathsOf(folders) },
  to: { path: ENGINE_LAYERS.slice(index + 1).flatMap(([, higher]) => pathsOf(higher)) },
}));

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'No import cycle anywhere, type-only imports included.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    ...layerRules,
    {
      name: 'rule-imports-no-rule',
      comment: 'A rule imports no other rule: what two rules share lives in the rule kit or a lower layer.',
      severity: 'error',
      from: { path: '^server/src/engine/rules/([^/]+)/' },
      to: { path: '^server/src/engine/rules/[^/]+/', pathNot: '^server/src/engine/rules/$1/' },
    },
    {
      name: 'rules-import-no-commands',
      comment: 'Rules import nothing from commands/ (commands plan edits for the palette; rules build fixes from fixes/).',
      severity: 'error',
      from: { path: '^server/src/engine/rules/' },
      to: { path: '^server/src/engine/commands/' },
    },
    {
      name: 'engine-is-pure',
      comment: 'The engine imports no Node built-in, no VS Code or LSP library, and nothing of its hosts.',
      severity: 'error',
      from: { path: ENGINE },
      to: { path: [...VSCODE, '^server/src/(lsp|cli|node)/', '^server/src/protocol\\.ts$'] },
    },
    {
      name: 'engine-uses-no-node-builtins',
      comment: 'The engine does no IO: no node:fs, node:path, child_process…',
      severity: 'error',
      from: { path: ENGINE },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'only-lsp-speaks-lsp',
      comment: 'Nothing below lsp/ imports the LSP libraries (node/ and cli/ are hosts, not protocol code).',
      severity: 'error',
      from: { path: '^server/src/', pathNot: '^server/src/lsp/' },
      to: { path: LSP_LIBRARIES },
    },
    {
      name: 'server-imports-no-vscode',
      comment: 'The server runs outside VS Code: it imports neither vscode nor the language client.',
      severity: 'error',
      from: { path: '^server/src/' },
      to: { path: VSCODE_CLIENT },
    },
    {
      name: 'hosts-stay-apart',
      comment: 'node/ is the Node host shared by the server and the CLI: it imports neither; the two adapters do not import each other.',
      severity: 'error',
      from: { path: '^server/src/(node|cli|lsp)/' },
      to: { path: '^server/src/(lsp|cli)/', pathNot: '^server/src/$1/' },
    },
    {
      name: 'protocol-is-a-leaf',
      comment: 'server/src/protocol.ts holds wire types for both sides and imports nothing.',
      severity: 'error',
      from: { path: '^server/src/protocol\\.ts$' },
      to: {},
    },
    {
      name: 'client-reaches-the-server-only-through-the-protocol',
      comment: 'The client talks to the server over LSP: of server/ it imports the protocol module alone.',
      severity: 'error',
      from: { path: '^client/src/' },
      to: { path: '^server/', pathNot: '^server/src/protocol\\.ts$' },
    },
  ],
  options: {
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '\\.test\\.ts$' },
  },
};
