// Lint rules. The server's layers and the ban on import cycles live in .dependency-cruiser.cjs
// (`npm run check:deps`, docs/architecture.md "Layers"); here: shared stays free of Node and the
// DOM, the client never imports the server, client features never import each other, only the
// entry points read the environment, and production code never imports test support.
import { readdirSync } from 'node:fs';
import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const serverOnlyPackages = [
  'express',
  'socket.io',
  'ioredis',
  'better-sqlite3',
  'ws',
  'pino',
  'pino-http',
  'helmet',
  '@socket.io/redis-streams-adapter',
];

const restrict = (patterns) => ({
  'no-restricted-imports': ['error', { patterns }],
});

/**
 * Client features never import each other (README, "Where things live"): what two features
 * share lives in a layer below them (`boards/`, `live-meeting/`, `realtime/`, `ui/`…).
 */
const features = readdirSync(new URL('./client/src/features', import.meta.url), {
  withFileTypes: true,
})
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);
const featureIsolation = features.map((feature) => {
  const others = features.filter((other) => other !== feature);
  return {
    files: [`client/src/features/${feature}/**/*.{ts,tsx}`],
    rules: restrict([
      { group: ['node:*', ...serverOnlyPackages], message: 'The client runs in the browser.' },
      {
        group: ['@setboard/server', '**/server/**'],
        message: 'The client talks to the server over the wire, never by import.',
      },
      {
        group: others.flatMap((other) => [
          `../${other}/*`,
          `../../${other}/*`,
          `../../../${other}/*`,
          `**/features/${other}/*`,
        ]),
        message: 'Features never import each other: move what they share below them.',
      },
    ]),
  };
});

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', 'data/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  {
    files: ['shared/src/**/*.ts'],
    rules: restrict([
      {
        group: ['node:*', ...serverOnlyPackages, 'react', 'react-dom', 'socket.io-client'],
        message: 'shared/ is pure: no Node, server or browser libraries.',
      },
      {
        group: ['@setboard/server', '@setboard/client', '**/server/**', '**/client/**'],
        message: 'shared/ depends on nothing of ours.',
      },
    ]),
  },
  {
    files: ['client/src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...restrict([
        { group: ['node:*', ...serverOnlyPackages], message: 'The client runs in the browser.' },
        {
          group: ['@setboard/server', '**/server/**'],
          message: 'The client talks to the server over the wire, never by import.',
        },
      ]),
    },
  },
  {
    files: ['server/src/**/*.ts'],
    ignores: ['server/src/main.ts', 'server/src/admin.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[object.name='process'][property.name='env']",
          message: 'Only the entry points (main.ts, admin.ts) read the environment.',
        },
      ],
    },
  },
  {
    files: ['tests/**/*.ts', '**/*.test.ts'],
    rules: { 'no-console': 'off' },
  },
  ...featureIsolation,
  {
    // Test support sits beside the tests, in `test-support/` folders, and never ships: only
    // tests (and other test support) may import it. A rule of its own, so it adds to the
    // layer rules above instead of replacing them.
    files: ['shared/src/**/*.ts', 'server/src/**/*.ts', 'client/src/**/*.{ts,tsx}'],
    ignores: ['**/*.test.{ts,tsx}', '**/test-support/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/test-support', '**/test-support/**'],
              message: 'Production code never imports test support.',
            },
          ],
        },
      ],
    },
  },
);
