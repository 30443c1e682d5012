import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

// The renderer's view folders (renderer/src/features/<view>), read from disk so a new view is covered at once.
const FEATURES = readdirSync(join(dirname(fileURLToPath(import.meta.url)), 'renderer/src/features'), {
  withFileTypes: true,
})
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

// shared/ keeps no module-level mutable state, caches included: a `let` or a collection at the top of a module
// is state every caller shares without knowing. Pass it in, or keep it in an object the caller creates.
const TOP = ['Program', 'Program > ExportNamedDeclaration'];
const COLLECTIONS = '/^(Map|Set|WeakMap|WeakSet|WeakRef|Array)$/';
const MODULE_STATE = [
  {
    selector: TOP.map((t) => `${t} > VariableDeclaration[kind=/^(let|var)$/]`).join(', '),
    message:
      'shared/ keeps no module-level mutable state: pass it in, or keep it in an object the caller creates.',
  },
  {
    selector: TOP.map(
      (t) => `${t} > VariableDeclaration > VariableDeclarator > NewExpression[callee.name=${COLLECTIONS}]`,
    ).join(', '),
    message:
      'shared/ keeps no module-level collections (caches included): pass one in, or keep it in an object the caller creates.',
  },
];

const ELECTRON_IN_RENDERER = {
  group: ['**/electron/**', 'electron'],
  message: 'The renderer talks through api.ts only.',
};

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { console: 'readonly', process: 'readonly' } },
    rules: {
      '@typescript-eslint/consistent-type-definitions': ['error', 'type'],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  {
    // The functional core: no Electron, React, Node built-ins or DOM, and no clock or randomness.
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['electron', 'react', 'react-dom', 'node:*', 'fs', 'path', 'os'],
              message: 'shared/ is pure',
            },
            { group: ['**/electron/**', '**/renderer/**'], message: 'shared/ imports neither side' },
          ],
        },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: 'Pass the time in.' },
        { object: 'Math', property: 'random', message: 'Pass a seeded RNG in.' },
      ],
      'no-restricted-globals': ['error', 'window', 'document', 'localStorage', 'fetch'],
      'no-restricted-syntax': ['error', ...MODULE_STATE],
    },
  },
  {
    // Only the typed wrappers touch ipcMain / ipcRenderer (GitHub Desktop's rule).
    files: ['renderer/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', { patterns: [ELECTRON_IN_RENDERER] }] },
  },
  // A view folder holds one view and what only it uses: it imports components/, hooks/, store/, api/, workers/
  // and shared/, never another view's folder, and not the shell (app/) that composes the views. So a change in
  // one view cannot break another, and what views share is visible in the folders it lives in.
  ...FEATURES.map((feature) => ({
    files: [`renderer/src/features/${feature}/**/*.{ts,tsx}`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ELECTRON_IN_RENDERER,
            {
              regex: `^(\\.\\./)+(features/)?(${FEATURES.filter((f) => f !== feature).join('|')})(/|$)`,
              message:
                'A feature does not import another feature: move what views share to components/ (widgets), ' +
                'hooks/ (React) or shared/ (domain).',
            },
            {
              regex: '^(\\.\\./)+app(/|$)',
              message: 'The shell (app/) composes the features; a feature does not import it.',
            },
          ],
        },
      ],
    },
  })),
);
