// ESLint flat config. Besides the usual TypeScript rules it enforces the layers of the README ("How it is built"):
// shared/ is pure (no Node, DOM or Electron), renderer/ never reaches Node or Electron, only
// electron/app/ and electron/preload/ import `electron`, and raw ipcMain/ipcRenderer stay inside
// the two typed IPC wrappers. Which folder of shared/ and renderer/ may import which is its own rule
// (layers/folder-imports, scripts/folder-layers.js), so it is not lost when a block below replaces
// no-restricted-imports for its files (flat config replaces a rule's options per file; it never merges them).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { builtinModules } from 'node:module';
import { folderImportsRule } from './scripts/folder-layers.js';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];
const nodeBuiltinsRule = { name: '', message: 'Node built-ins are not allowed in this layer.' };
const noNode = nodeBuiltins.map((name) => ({ ...nodeBuiltinsRule, name }));
const noElectron = { name: 'electron', message: 'Only electron/app/ and electron/preload/ may import electron.' };
const noRawIpc = {
  name: 'electron',
  importNames: ['ipcMain', 'ipcRenderer'],
  message: 'Use the typed IPC wrappers (electron/app/ipc-main.ts, electron/preload/preload.ts).',
};
const layerPatterns = (...dirs) =>
  dirs.map((dir) => ({ group: [`**/${dir}/**`, `../${dir}`, `../../${dir}`], message: `This layer may not import from ${dir}/.` }));

const domGlobals = ['window', 'document', 'navigator', 'localStorage', 'sessionStorage', 'location', 'HTMLElement', 'alert'];
const nodeGlobals = ['process', 'Buffer', 'require', '__dirname', '__filename', 'global', 'module', 'setImmediate'];
const restrictGlobals = (names, why) => names.map((name) => ({ name, message: why }));

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-imports': ['error', { paths: [noElectron] }],
    },
  },
  {
    files: ['shared/**/*.ts', 'renderer/**/*.{ts,tsx}'],
    plugins: { layers: { rules: { 'folder-imports': folderImportsRule } } },
    rules: { 'layers/folder-imports': 'error' },
  },
  {
    files: ['shared/**/*.ts'],
    languageOptions: { globals: { ...globals['shared-node-browser'] } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [...noNode, noElectron, { name: 'react', message: 'shared/ is UI-free.' }],
          patterns: layerPatterns('electron', 'renderer', 'cli', 'e2e', 'test'),
        },
      ],
      'no-restricted-globals': [
        'error',
        ...restrictGlobals(domGlobals, 'shared/ may not use DOM globals.'),
        ...restrictGlobals(nodeGlobals, 'shared/ may not use Node globals.'),
      ],
    },
  },
  {
    files: ['shared/**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [noElectron], patterns: layerPatterns('electron', 'renderer', 'cli', 'e2e') }],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': ['error', { paths: [...noNode, noElectron], patterns: layerPatterns('electron', 'cli', 'e2e', 'test') }],
      'no-restricted-globals': ['error', ...restrictGlobals(nodeGlobals, 'renderer/ runs sandboxed: no Node globals.')],
    },
  },
  {
    // Component tests run under Node (jsdom) and reuse the repository's fixtures in test/support.
    files: ['renderer/**/*.test.{ts,tsx}', 'renderer/test-support/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', { paths: [noElectron], patterns: layerPatterns('electron', 'cli', 'e2e') }] },
  },
  {
    files: ['electron/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [noElectron], patterns: layerPatterns('renderer', 'cli', 'e2e') }] },
  },
  {
    files: ['electron/app/**/*.ts', 'electron/preload/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [noRawIpc], patterns: layerPatterns('renderer', 'cli', 'e2e') }] },
  },
  {
    files: ['electron/app/ipc-main.ts', 'electron/preload/preload.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: layerPatterns('renderer', 'cli', 'e2e') }] },
  },
  {
    files: ['cli/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [noElectron],
          patterns: [
            ...layerPatterns('renderer', 'e2e'),
            {
              group: ['**/electron/app/**', '**/electron/preload/**'],
              message: 'The CLI may use electron/services/ but not the Electron glue.',
            },
          ],
        },
      ],
    },
  },
);
