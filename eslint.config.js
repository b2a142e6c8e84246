// Lint rules, including the import layers of STYLE.md: dependencies point one way
// (main → app → {http, realtime} → {domain, store} → shared), shared stays free of Node and
// the DOM, and the client never imports the server.
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
    files: ['server/src/store/**/*.ts'],
    rules: restrict([
      {
        group: ['**/http/**', '**/realtime/**', '**/app.js', 'express', 'socket.io'],
        message: 'The store knows nothing of HTTP or realtime.',
      },
    ]),
  },
  {
    files: ['server/src/http/**/*.ts'],
    rules: restrict([
      {
        group: [
          '**/realtime/**',
          '**/main.js',
          '**/app.js',
          'ioredis',
          'better-sqlite3',
          '**/store/sqlite/**',
          '**/store/redis/**',
        ],
        message: 'http/ uses the Store port, not adapters or realtime.',
      },
    ]),
  },
  {
    files: ['server/src/meetings/**/*.ts'],
    rules: restrict([
      {
        group: ['**/http/**', '**/realtime/**', '**/main.js', '**/app.js', ...serverOnlyPackages],
        message: 'meetings/ keeps meeting records and time: no HTTP, realtime or adapters.',
      },
    ]),
  },
  {
    files: ['server/src/boards/**/*.ts'],
    rules: restrict([
      {
        group: [
          '**/http/**',
          '**/main.js',
          '**/app.js',
          'ioredis',
          'better-sqlite3',
          '**/store/sqlite/**',
          '**/store/redis/**',
        ],
        message: 'boards/ judges and writes docs through the Store port: no HTTP or adapters.',
      },
    ]),
  },
  {
    files: ['server/src/realtime/**/*.ts'],
    rules: restrict([
      {
        group: [
          '**/http/**',
          '**/main.js',
          '**/app.js',
          'ioredis',
          'better-sqlite3',
          '**/store/sqlite/**',
          '**/store/redis/**',
        ],
        message: 'realtime/ uses the Store port, not adapters or HTTP.',
      },
    ]),
  },
  {
    files: ['server/src/**/*.ts'],
    ignores: ['server/src/main.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[object.name='process'][property.name='env']",
          message: 'Only main.ts reads the environment.',
        },
      ],
    },
  },
  {
    files: ['tests/**/*.ts', '**/*.test.ts'],
    rules: { 'no-console': 'off' },
  },
  ...featureIsolation,
);
