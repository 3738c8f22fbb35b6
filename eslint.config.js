// ESLint 9 flat config: typescript-eslint, react-hooks, jsx-a11y and a few import rules.
// Formatting is Prettier's job (npm run format:check), so no stylistic rules here.
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'
import jsxA11y from 'eslint-plugin-jsx-a11y'
import importX, { createNodeResolver } from 'eslint-plugin-import-x'
import globals from 'globals'

export default tseslint.config(
  {
    ignores: [
      'build/',
      'public/build/',
      'node_modules/',
      'drizzle/meta/',
      'e2e/.tmp/',
      'test-results/',
      'playwright-report/',
      'bench/results/',
      'data/',
    ],
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: 'module',
      globals: { ...globals.node, ...globals.browser },
    },
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [
        createNodeResolver({
          extensions: ['.ts', '.tsx', '.js', '.json'],
          tsconfig: { configFile: new URL('./tsconfig.json', import.meta.url).pathname },
        }),
      ],
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      // Declaration merging (Remix's AppLoadContext) is an interface that only extends another.
      '@typescript-eslint/no-empty-object-type': ['error', { allowInterfaces: 'with-single-extends' }],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' },
      ],
      'import-x/first': 'error',
      'import-x/newline-after-import': 'error',
      'import-x/no-duplicates': ['error', { 'prefer-inline': true }],
      'import-x/no-self-import': 'error',
      // Import cycles are dependency-cruiser's no-circular (npm run check:layers, over app, server,
      // scripts, e2e and bench). import-x/no-cycle was over half of ESLint's time and, with this
      // resolver, reported no cycle at all (two files importing each other passed).
    },
  },
  {
    files: ['app/**/*.{ts,tsx}'],
    ...reactHooks.configs.flat['recommended-latest'],
  },
  {
    files: ['app/**/*.{ts,tsx}'],
    ...jsxA11y.flatConfigs.recommended,
  },
  {
    // One way to answer JSON: ~/http/json.server's json() skips a scan and a decode Remix's pays.
    files: ['app/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: '@remix-run/node',
              importNames: ['json'],
              message: "Use json() from '~/http/json.server'.",
            },
          ],
        },
      ],
    },
  },
  {
    // One way to read a posted form: readFormData counts the bytes and answers 413 past the limit.
    files: ['app/routes/**/*.{ts,tsx}', 'app/http/**/*.ts', 'app/services/**/*.ts'],
    ignores: ['app/http/form-data.server.ts', '**/*.test.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.property.name='formData'][callee.object.name='request']",
          message: 'Read forms with readFormData(request) from ~/http/form-data.server: it refuses oversized bodies.',
        },
      ],
    },
  },
)
