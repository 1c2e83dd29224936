// The layers of the house (STYLE.md, "The house"); `npm run lint` checks them with the depcruise command.
//
//   server/  (bootstrap, transport, building the schema: it knows everything)
//     → resolvers/
//       → domain/       (services and queries)
//         → permissions/  (the matrix: role sets, ties, policies, the evaluator, shield rules)
//           → lib/          (ground helpers: clock and calendar, errors, input text, SQL, prepared reads)
//             → entities/, migrations/
//
//   schema/  GraphQL types and id codecs, used by server/, resolvers/ and domain/ (global ids,
//            the Date scalar); it imports only lib/ and entities/.
//   client/, explorer/  the typed client and the GraphiQL page: their own things, importing no
//            folder of the server.
//   seed/, bench/, tests/  outside the layers: they may import any layer, no layer imports them
//            (one exception: server/bootstrap.ts loads the demo school for `db:seed` and SEED_DEMO).
//
// A lower folder never imports a higher one, type-only imports included (tsPreCompilationDeps).

/** npm packages and node: modules are not the layers' business (node_modules may be a symlink, so not by path). */
const OUTSIDE = ['core', 'npm', 'npm-dev', 'npm-optional', 'npm-peer', 'npm-bundled', 'npm-no-pkg', 'npm-unknown'];

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'No import circles, type-only ones included: split the shared part out, or move it down a layer.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'resolvers-not-to-server',
      severity: 'error',
      comment: 'server/ → resolvers/: resolvers never import server/ (what they need of the server is declared in resolvers/context.ts).',
      from: { path: '^resolvers/' },
      to: { path: '^server/' },
    },
    {
      name: 'domain-not-to-upper',
      severity: 'error',
      comment: 'resolvers/ → domain/: domain never imports server/ or resolvers/ (clock, calendar and errors are in lib/).',
      from: { path: '^domain/' },
      to: { path: '^(server|resolvers)/' },
    },
    {
      name: 'permissions-not-to-upper',
      severity: 'error',
      comment: 'domain/ → permissions/: the matrix never imports server/, resolvers/, domain/ or schema/.',
      from: { path: '^permissions/' },
      to: { path: '^(server|resolvers|domain|schema)/' },
    },
    {
      name: 'lib-is-ground',
      severity: 'error',
      comment: 'permissions/ → lib/: the ground helpers import only lib/ and entities/.',
      from: { path: '^lib/' },
      to: { pathNot: '^(lib|entities)/', dependencyTypesNot: OUTSIDE },
    },
    {
      name: 'entities-at-the-bottom',
      severity: 'error',
      comment: 'lib/ → entities/, migrations/: entities import only entities/, migrations only migrations/.',
      from: { path: '^(entities|migrations)/' },
      to: { pathNot: '^($1)/', dependencyTypesNot: OUTSIDE },
    },
    {
      name: 'schema-only-types',
      severity: 'error',
      comment: 'schema/ holds GraphQL types and id codecs: it imports only schema/, lib/ and entities/ (never server/, resolvers/, domain/, permissions/).',
      from: { path: '^schema/' },
      to: { pathNot: '^(schema|lib|entities)/', dependencyTypesNot: OUTSIDE },
    },
    {
      name: 'client-stands-alone',
      severity: 'error',
      comment: 'client/ (the typed client) and explorer/ (the GraphiQL page) are their own things: they import no folder of the server.',
      from: { path: '^(client|explorer)/' },
      to: { pathNot: '^($1)/', dependencyTypesNot: OUTSIDE },
    },
    {
      name: 'nothing-imports-tests-seed-bench',
      severity: 'error',
      comment: 'seed/, bench/ and tests/ are outside the layers: no layer imports them, nor client/ or explorer/ (only server/bootstrap.ts loads the demo school).',
      from: {
        path: '^(server|resolvers|domain|permissions|lib|schema|entities|migrations)/',
        pathNot: '^server/bootstrap\\.ts$',
      },
      to: { path: '^(tests|seed|bench|client|explorer)/' },
    },
    {
      name: 'demo-school-only',
      severity: 'error',
      comment: 'server/bootstrap.ts may load the demo school (seed/demo-school.ts), nothing else of seed/, bench/ or tests/.',
      from: { path: '^server/bootstrap\\.ts$' },
      to: { path: '^(tests|seed|bench|client|explorer)/', pathNot: '^seed/demo-school\\.ts$' },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      comment: 'Every import resolves to a file or an installed package.',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    tsConfig: { fileName: 'tsconfig.json' },
    // Type-only imports (`import type`) count: a type import upward is an import upward.
    tsPreCompilationDeps: true,
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(dist|node_modules|\\.data)/' },
    // `exports` of package.json first (graphql-ws, jose, …), as TypeScript's nodenext resolution reads them.
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      mainFields: ['module', 'main', 'types', 'typings'],
    },
  },
};
