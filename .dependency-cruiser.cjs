/** Layer rules for app/ (README "Architecture"). Run: npm run check:layers */
module.exports = {
  forbidden: [
    {
      name: 'utils-import-no-layer',
      severity: 'error',
      from: { path: '^app/utils/' },
      to: { path: '^app/(?!utils/)' },
    },
    {
      name: 'models-not-above',
      severity: 'error',
      from: { path: '^app/models/' },
      to: { path: '^app/(services|components|routes|http)/' },
    },
    {
      name: 'services-not-above',
      severity: 'error',
      from: { path: '^app/services/' },
      to: { path: '^app/(components|routes|http)/' },
    },
    {
      name: 'components-no-server',
      severity: 'error',
      from: { path: '^app/components/' },
      to: { path: '\\.server\\.tsx?$' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'no-orphans',
      severity: 'error',
      from: { orphan: true, pathNot: '\\.d\\.ts$' },
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
