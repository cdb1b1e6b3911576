import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

/**
 * Layering of the server (route → service → repository, never backwards):
 * - a repository (data access) imports no service, no routes and no HTTP layer;
 * - a service imports no routes and no HTTP layer (it may call other services' repositories'
 *   types and the platform: scope, errors, actor);
 * - routes never touch a repository: they call services;
 * - the platform (server/src/platform) is below every module: it imports none of them.
 */
const layer = (files, patterns) => ({
  files,
  rules: { 'no-restricted-imports': ['error', { patterns }] },
});

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      'packages/api-client/src/schema.d.ts',
      '**/test-results/**',
      'data/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['scripts/**/*.mjs', '**/*.config.mjs', 'server/build.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  // Hooks in the same order on every render: a hook after an early return breaks a page only
  // when the early return is taken (a load error), which no unit test sees.
  {
    files: ['web/src/**/*.tsx', 'web/src/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error' },
  },
  layer(
    ['server/src/**/*.repository.ts'],
    [
      {
        group: ['**/*.service', '**/*.service.ts'],
        message: 'A repository must not call a service (route → service → repository).',
      },
      {
        group: ['**/*.routes', '**/*.routes.ts', '**/platform/http'],
        message: 'A repository must not depend on the HTTP layer.',
      },
    ],
  ),
  layer(
    ['server/src/**/*.service.ts'],
    [
      {
        group: ['**/*.routes', '**/*.routes.ts', '**/platform/http', 'fastify'],
        message: 'A service must not depend on routes or the HTTP layer.',
      },
    ],
  ),
  layer(
    ['server/src/**/*.routes.ts'],
    [
      {
        group: [
          '**/*.repository',
          '**/*.repository.ts',
          '**/*.schema',
          '**/*.schema.ts',
          'drizzle-orm',
          'drizzle-orm/*',
        ],
        message: 'Routes call services; data access stays behind them.',
      },
    ],
  ),
  // No exceptions: the one table the platform reads (the organisation tree, for the unit scope)
  // is defined in the platform (platform/org/units.table.ts) and re-exported by the units module.
  layer(
    ['server/src/platform/**/*.ts'],
    [
      {
        group: ['**/modules/**'],
        message:
          'The platform is below the modules: pass what it needs in (a parameter, a platform type), never import a module.',
      },
    ],
  ),
  layer(
    ['server/src/**/*.schema.ts'],
    [
      {
        group: ['**/*.service', '**/*.routes', '**/*.repository'],
        message: 'A table definition depends on nothing but other tables.',
      },
    ],
  ),
);
