import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/**
 * The layers (docs/ARCHITECTURE.md): model ← sources; model ← store ← analytics ← payloads ← api, cli; ingest wires sources to
 * store; nothing imports the CLI; the dashboard takes only types from the server. Tests may reach across layers.
 */
const layer = (files, forbidden, message) => ({
  files,
  ignores: ['**/*.test.ts'],
  rules: {
    '@typescript-eslint/no-restricted-imports': [
      'error',
      {
        patterns: [
          ...(forbidden.length > 0 ? [{ group: forbidden.map((l) => `**/${l}/*`), message }] : []),
          { group: ['**/cli/*'], message: 'nothing imports the CLI' },
          { group: ['../../web/*', '../web/*'], message: 'the server does not import the dashboard' },
        ],
      },
    ],
  },
});

export default tseslint.config(
  { ignores: ['node_modules/', 'web/dist/', 'dist/', 'scratch/', 'artifacts/', 'bench/out/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  layer(
    ['src/model/**'],
    ['sources', 'store', 'analytics', 'payloads', 'ingest', 'api'],
    'model/ imports nothing else of src/',
  ),
  layer(
    ['src/sources/**'],
    ['store', 'analytics', 'payloads', 'ingest', 'api'],
    'sources/ reads and maps; it does not write or serve',
  ),
  layer(
    ['src/store/**'],
    ['sources', 'analytics', 'payloads', 'ingest', 'api'],
    'store/ is below every layer but model',
  ),
  layer(
    ['src/analytics/**'],
    ['sources', 'ingest', 'api', 'payloads'],
    'analytics/ computes over store rows; it does not serve',
  ),
  layer(
    ['src/payloads/**'],
    ['sources', 'ingest', 'api'],
    'payloads/ assemble analytics over the store; they do not serve',
  ),
  layer(['src/ingest/**'], ['analytics', 'payloads', 'api'], 'ingest/ wires sources to the store'),
  layer(['src/api/**', 'bench/**', 'scripts/**'], [], 'layers'),
  {
    files: ['web/src/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['../../src/*', '../../../src/*'],
              allowTypeImports: true,
              message: 'the dashboard takes only types from the server (import type)',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['web/src/**'],
    languageOptions: {
      globals: {
        document: 'readonly',
        location: 'readonly',
        history: 'readonly',
        fetch: 'readonly',
        addEventListener: 'readonly',
        removeEventListener: 'readonly',
        dispatchEvent: 'readonly',
      },
    },
  },
);
