// Lint, including the layering rules of DESIGN.md §3:
// shared <- everything; renderer -> shared; services -> shared;
// main and host -> services, shared; preload -> shared (types) and electron.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const nodeBuiltins = { group: ['node:*'], message: 'This layer must not use Node built-ins.' };
const electronMessage = 'Only electron/main and electron/preload may import Electron.';
const electron = [{ name: 'electron', message: electronMessage }, { name: 'electron-store', message: electronMessage }];
const layer = (name, message) => ({ group: [`**/${name}/**`, `**/${name}`], message });

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'tests/artifacts/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', ignoreRestSiblings: true }],
    },
  },
  {
    files: ['scripts/**/*.mjs', 'bench/**/*.ts'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', fetch: 'readonly', AbortSignal: 'readonly' } },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: electron, patterns: [nodeBuiltins, layer('electron', 'shared/ imports nothing from electron/.'), layer('renderer', 'shared/ imports nothing from renderer/.'), { group: ['react', 'react-dom'], message: 'shared/ has no UI code.' }] }],
      'no-restricted-globals': ['error', 'window', 'document', 'process', 'Buffer'],
    },
  },
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    rules: {
      'no-restricted-imports': ['error', { paths: electron, patterns: [nodeBuiltins, layer('electron', 'The renderer reaches the core only through the API contract in shared/.')] }],
    },
  },
  {
    files: ['electron/services/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: electron, patterns: [layer('main', 'services must not import main.'), layer('host', 'services must not import host.'), layer('preload', 'services must not import preload.'), layer('renderer', 'services must not import renderer.')] }],
    },
  },
  {
    files: ['electron/host/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: electron, patterns: [layer('main', 'host must not import main.'), layer('renderer', 'host must not import renderer.')] }],
    },
  },
  {
    files: ['electron/main/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [layer('host', 'main must not import host.'), layer('renderer', 'main must not import renderer.')] }],
    },
  },
  {
    files: ['electron/preload/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [nodeBuiltins, layer('services', 'The preload exposes the contract only; it does not reach the services.'), layer('host', 'preload must not import host.'), layer('main', 'preload must not import main.')] }],
    },
  },
);
