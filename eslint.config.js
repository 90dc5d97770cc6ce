// Lint, including the layering of DESIGN.md §3 as allow-lists (eslint-rules/layers.js):
// shared <- everything; renderer -> shared; services -> escpos, shared; main and host -> services,
// shared; preload -> shared (types) and electron; hall -> escpos, shared; escpos -> shared. A file under no layer fails.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import layers from './eslint-rules/layers.js';

/** Each layer: the files it holds, and the project folders and npm packages it may import. */
const LAYERS = [
  { name: 'shared', files: ['shared/'], folders: ['shared/'], packages: ['zod'] },
  // the widgets both browser layers share (renderer and hall-web): react and shared/ only
  { name: 'renderer/src/kit', files: ['renderer/src/kit/'], folders: ['renderer/src/kit/', 'shared/'], packages: ['react'] },
  { name: 'renderer', files: ['renderer/'], folders: ['renderer/', 'shared/'], packages: ['react', 'react-dom', 'chart.js', 'zod'] },
  {
    name: 'electron/services',
    files: ['electron/services/'],
    folders: ['electron/services/', 'escpos/', 'shared/'],
    packages: ['node:*', 'better-sqlite3', 'chinese-days', 'exceljs', 'iconv-lite', 'qrcode', 'sharp', 'uuid', 'zod'],
  },
  { name: 'electron/main', files: ['electron/main/'], folders: ['electron/main/', 'electron/services/', 'shared/'], packages: ['node:*', 'electron', 'electron-store'] },
  // the sandboxed preload bundles only the channel names; the contract reaches it as types
  { name: 'electron/preload', files: ['electron/preload/'], folders: ['electron/preload/', 'shared/ipc-channels.ts'], typesFrom: ['shared/'], packages: ['electron'] },
  { name: 'electron/host', files: ['electron/host/'], folders: ['electron/host/', 'electron/services/', 'shared/'], packages: ['node:*', 'ws', 'conf'] },
  { name: 'hall', files: ['hall/'], folders: ['hall/', 'escpos/', 'shared/'], packages: ['node:*', 'pg', 'zod'] },
  // kiosk14: the ESC/POS encoder and network transport, printing the windows' slips and the kiosk's tickets
  { name: 'escpos', files: ['escpos/'], folders: ['escpos/', 'shared/'], packages: ['node:*', 'iconv-lite'] },
  // the pages the hall serves (console; kiosk and hall screen later): browser code in the workstation's look
  { name: 'hall-web', files: ['hall-web/'], folders: ['hall-web/', 'shared/', 'renderer/src/kit/', 'renderer/src/styles.css', 'renderer/src/TableHead.tsx', 'renderer/src/stats/charts.tsx', 'renderer/src/stats/GroupedTable.tsx', 'renderer/src/stats/queue-stats-view.tsx', 'renderer/src/stats/stats.css'], packages: ['react', 'react-dom', 'zod', 'chart.js'] },
  {
    name: 'tests',
    files: ['tests/'],
    folders: ['tests/', 'shared/', 'escpos/', 'electron/services/', 'electron/host/', 'renderer/', 'hall/', 'scripts/', 'playwright.config.ts'],
    packages: [
      'node:*', 'vitest', '@playwright/test', 'better-sqlite3', 'chinese-days', 'conf', 'exceljs', 'iconv-lite', 'pg', 'sharp', 'ws', 'zod',
      'vite', 'react', 'react-dom', '@testing-library/react', '@testing-library/dom', 'happy-dom', 'eslint', 'typescript',
    ],
  },
  {
    name: 'bench',
    files: ['bench/'],
    folders: ['bench/', 'tests/support/', 'escpos/', 'electron/services/', 'electron/host/', 'hall/', 'shared/', 'playwright.config.ts'],
    packages: ['node:*', '@playwright/test', 'better-sqlite3', 'conf', 'ws', 'pg'],
  },
  { name: 'scripts', files: ['scripts/'], folders: ['scripts/', 'electron/services/', 'escpos/', 'shared/'], packages: ['node:*'] },
  {
    name: 'config',
    files: ['eslint.config.js', 'eslint-rules/', 'electron.vite.config.ts', 'hall-web.vite.config.ts', 'vitest.config.ts', 'playwright.config.ts', 'no-node-types.ts'],
    folders: ['eslint-rules/'],
    packages: ['node:*', '@eslint/js', 'typescript-eslint', 'electron-vite', 'vite', '@vitejs/plugin-react', 'vitest', '@playwright/test'],
  },
];

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
    plugins: { layers },
    rules: { 'layers/allow-list': ['error', { layers: LAYERS }] },
  },
  {
    files: ['shared/**/*.ts'],
    rules: { 'no-restricted-globals': ['error', 'window', 'document', 'process', 'Buffer'] },
  },
  // size: no source file over 400 lines, no React component over 150 (tests are exempt)
  {
    ignores: ['tests/**'],
    rules: { 'max-lines': ['error', { max: 400 }] },
  },
  {
    files: ['renderer/**/*.tsx', 'hall-web/**/*.tsx'],
    rules: { 'max-lines-per-function': ['error', { max: 150 }] },
  },
);
