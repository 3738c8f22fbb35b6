/**
 * The layers of app/, as README "Architecture" states them. Run: npm run check:layers
 *
 *   domain      shared vocabulary (enums, statuses, currency and crypto tables, search params)
 *   utils       pure cross-cutting helpers
 *   models      the database
 *   services    the business rules
 *   http        request/response glue for routes (sessions, guards, toasts, form bodies)
 *   components  React, rendered on the server and in the browser
 *   routes      URL → loader/action/component
 *
 * Tests (*.test.ts, app/test/) exercise several layers at once and are exempt from the layer rules.
 */
const TESTS = '(\\.test\\.tsx?$|^app/test/)'
const ENTRY = '^app/(root|entry\\.client|entry\\.server)\\.tsx$'

module.exports = {
  forbidden: [
    {
      name: 'domain-imports-nothing',
      comment: 'app/domain is the vocabulary every layer shares: it imports nothing else in app/.',
      severity: 'error',
      from: { path: '^app/domain/', pathNot: TESTS },
      to: { path: '^app/', pathNot: '^app/domain/' },
    },
    {
      name: 'utils-import-only-domain',
      comment: 'app/utils holds pure cross-cutting helpers: they import only app/domain.',
      severity: 'error',
      from: { path: '^app/utils/', pathNot: TESTS },
      to: { path: '^app/', pathNot: '^app/(utils|domain)/' },
    },
    {
      name: 'models-below-services',
      comment: 'app/models never import services, http, components or routes.',
      severity: 'error',
      from: { path: '^app/models/', pathNot: TESTS },
      to: { path: '^app/(services|http|components|routes)/|^app/(root|entry\\.client|entry\\.server)\\.tsx$' },
    },
    {
      name: 'services-below-http',
      comment: 'app/services never import http, components or routes (they never build Responses).',
      severity: 'error',
      from: { path: '^app/services/', pathNot: TESTS },
      to: { path: '^app/(http|components|routes)/|^app/(root|entry\\.client|entry\\.server)\\.tsx$' },
    },
    {
      name: 'http-only-for-routes',
      comment:
        'app/http is imported only by routes, root.tsx and the entry files (components may name its types, ' +
        'see components-no-server-code).',
      severity: 'error',
      from: { path: '^app/', pathNot: `^app/(http|routes|components)/|${ENTRY}|${TESTS}` },
      to: { path: '^app/http/' },
    },
    {
      name: 'http-not-above',
      comment: 'app/http never imports components or routes.',
      severity: 'error',
      from: { path: '^app/http/', pathNot: TESTS },
      to: { path: '^app/(components|routes)/|^app/(root|entry\\.client|entry\\.server)\\.tsx$' },
    },
    {
      name: 'components-no-server-code',
      comment:
        'Components run in the browser: no .server module, nothing from models, http or routes. ' +
        'An `import type` is erased at build, so a component may name the shape a loader returns.',
      severity: 'error',
      from: { path: '^app/components/', pathNot: TESTS },
      to: {
        path: '\\.server\\.tsx?$|^app/(models|http|routes)/',
        dependencyTypesNot: ['type-only'],
      },
    },
    {
      name: 'routes-no-database',
      comment: 'Routes read through models and write through services; the connection and drizzle stay in models.',
      severity: 'error',
      from: { path: '^app/routes/', pathNot: TESTS },
      to: { path: '^app/models/(db\\.server|schema)|node_modules/(drizzle-orm|better-sqlite3)/' },
    },
    {
      name: 'no-database-outside-models',
      comment: 'Only models touch drizzle and better-sqlite3.',
      severity: 'error',
      from: { path: '^app/', pathNot: `^app/models/|${TESTS}` },
      to: { path: 'node_modules/(drizzle-orm|better-sqlite3)/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'no-circular',
      comment:
        'No import cycle anywhere: check:layers cruises app, server, scripts, e2e and bench (ESLint does not check cycles).',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'no-orphans',
      comment:
        'A module nothing imports and that imports nothing is dead code. load-context.ts only augments ' +
        "Remix's AppLoadContext type for server/.",
      severity: 'error',
      from: { orphan: true, pathNot: '\\.d\\.ts$|^app/load-context\\.ts$' },
      to: {},
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.js', '.d.ts'],
    },
  },
}
