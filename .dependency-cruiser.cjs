/**
 * The written architecture of llmsr: which package and app may import which. `pnpm lint:deps`
 * (part of `pnpm lint`, so of `pnpm test` and CI) fails on any import against these rules.
 *
 *   apps/cli ──lazy──> apps/registry (composition root) ──> apps/server, apps/connect
 *   apps/server, apps/connect ──> core, spec (connect and sdk also proto)
 *   core ──> compatibility ──> validation ──> spec
 *        ──> storage, variables ───────────> spec
 *   orchestration ──> validation, spec      (stands alone; core will adapt it)
 *   sdk ──> validation, proto, spec          spec, proto: import nothing of ours
 *
 * Only `src/` is cruised: integration suites under `test/` may start an app (the SDK's tests
 * run a real server). Workspace imports (`@llmsr/x`) resolve through the `source` export
 * condition to `packages/x/src`, so a rule on paths sees them; `workspace-imports-resolve`
 * makes sure an import the cruiser cannot follow fails instead of passing unseen.
 *
 * @type {import('dependency-cruiser').IConfiguration}
 */

/** Every workspace package or app path, for "imports nothing of ours except ...". */
const OURS = '^(packages|apps)/';

/** A package that may import only the listed workspace packages (and itself). */
function importsOnly(name, allowed, comment) {
  return {
    name: `${name}-imports-only-${allowed.length ? allowed.join('-') : 'itself'}`,
    comment,
    severity: 'error',
    from: { path: `^packages/${name}/` },
    to: { path: OURS, pathNot: `^packages/(${[name, ...allowed].join('|')})/` },
  };
}

module.exports = {
  forbidden: [
    {
      name: 'workspace-imports-resolve',
      comment:
        'An @llmsr import the cruiser cannot resolve would escape every rule below; fix the import or the resolution options.',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true, path: '^@llmsr/' },
    },
    {
      name: 'packages-never-import-apps',
      comment: 'Apps sit on top: a package that imports an app inverts the layers.',
      severity: 'error',
      from: { path: '^packages/' },
      to: { path: '^apps/' },
    },
    importsOnly(
      'spec',
      [],
      '@llmsr/spec is the shared vocabulary every package imports; it imports nothing of ours.',
    ),
    {
      name: 'spec-vocabulary-has-no-dependency',
      comment:
        'The vocabulary entry of @llmsr/spec is plain constants and types, so the lowest packages can import it for free. Only the REST schemas (src/rest) may use their schema library.',
      severity: 'error',
      from: { path: '^packages/spec/src/', pathNot: ['^packages/spec/src/rest', '\\.test\\.ts$'] },
      to: {
        dependencyTypes: [
          'core',
          'npm',
          'npm-dev',
          'npm-peer',
          'npm-optional',
          'npm-no-pkg',
          'npm-unknown',
        ],
      },
    },
    importsOnly('proto', [], 'The generated Connect/protobuf code imports nothing of ours.'),
    importsOnly('validation', ['spec'], 'Validation is a leaf under spec.'),
    importsOnly(
      'compatibility',
      ['spec', 'validation'],
      'Compatibility reads parsed schemas from validation.',
    ),
    importsOnly(
      'storage',
      ['spec'],
      'Storage knows records, not how schemas are parsed or checked.',
    ),
    importsOnly('variables', ['spec'], 'Variable spaces are a leaf under spec.'),
    importsOnly(
      'llm',
      ['spec', 'validation', 'variables'],
      'LLM tools stand alone over the schema packages; core exposes them.',
    ),
    importsOnly(
      'orchestration',
      ['spec', 'validation'],
      'Orchestration stands alone over a pluggable schema resolver; core adapts it to registered subjects.',
    ),
    importsOnly(
      'core',
      ['spec', 'validation', 'compatibility', 'storage', 'variables', 'llm'],
      'Core composes the lower packages; it knows no app and no wire format (proto).',
    ),
    importsOnly(
      'sdk',
      ['spec', 'proto', 'validation'],
      'The client SDK talks to a registry over the network; it never embeds core or storage.',
    ),
    {
      name: 'thin-apps-call-core',
      comment:
        'The REST and Connect apps parse, authorise, call core and map errors; they reach the lower packages only through core (spec and proto are the contract).',
      severity: 'error',
      from: { path: '^apps/(server|connect)/' },
      to: { path: '^packages/', pathNot: '^packages/(core|spec|proto)/' },
    },
    {
      name: 'server-and-connect-are-independent',
      comment: `The REST app and the Connect app never import each other; the composition root (apps/registry) starts both.`,
      severity: 'error',
      from: { path: '^apps/(server|connect)/' },
      to: { path: '^apps/(server|connect)/', pathNot: '^apps/$1/' },
    },
    {
      name: 'only-composition-roots-import-apps',
      comment:
        'Nothing imports an app except the composition root (apps/registry) and the CLI, which loads that root lazily.',
      severity: 'error',
      from: { path: '^(apps/[^/]+)/', pathNot: '^apps/(registry|cli)/' },
      to: { path: '^apps/', pathNot: '^$1/' },
    },
    {
      name: 'cli-imports-only-the-composition-root',
      comment: `The CLI starts servers through apps/registry only.`,
      severity: 'error',
      from: { path: '^apps/cli/' },
      to: { path: '^apps/', pathNot: '^apps/(cli|registry)/' },
    },
    {
      name: 'cli-loads-the-composition-root-lazily',
      comment:
        'Commands such as `llmsr get` must load no server code: the CLI reaches apps/registry through a dynamic import() only (type-only imports are erased).',
      severity: 'error',
      from: { path: '^apps/cli/' },
      to: { path: '^apps/registry/', dynamic: false, dependencyTypesNot: ['type-only'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['(^|/)dist/', '(^|/)node_modules/'] },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.base.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      // `source` first: @llmsr/x resolves to packages/x/src, as Vitest and tsc resolve it.
      conditionNames: ['source', 'import', 'types', 'node', 'default'],
      extensions: ['.ts', '.js', '.mjs', '.cjs', '.d.ts', '.json'],
      mainFields: ['module', 'main', 'types'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
