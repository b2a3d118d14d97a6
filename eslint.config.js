// Lint, and the rules of where code may run (architecture note, rule 4).
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// SQL is written only in src-main/db/ (storage.md): statements and the calls that run them.
const SQL_TEXT = '/^\\s*(SELECT\\s|INSERT INTO|INSERT OR|UPDATE [a-z_]+ SET|DELETE FROM|CREATE (TABLE|INDEX|TRIGGER|VIRTUAL)|DROP |ALTER TABLE|PRAGMA|WITH )/';
const ZOD_WHOLE = {
  selector: "ImportDeclaration[source.value='zod'] > ImportSpecifier[imported.name='z']",
  message: "import * as z from 'zod': the bundler then keeps only what is used; `{ z }` brings every locale (755 KB, 35 ms more to start each process).",
};
const NO_SQL = [
  { selector: `Literal[value=${SQL_TEXT}]`, message: 'SQL lives in src-main/db/: call a named query from there.' },
  { selector: `TemplateLiteral > TemplateElement:first-child[value.raw=${SQL_TEXT}]`, message: 'SQL lives in src-main/db/: call a named query from there.' },
  { selector: "CallExpression[callee.property.name=/^(prepare|pragma|transaction)$/]", message: 'Statements run only in src-main/db/: call a named query from there.' },
];
const NODE_AND_NATIVE = ['node:*', 'fs', 'fs/*', 'path', 'os', 'crypto', 'child_process', 'worker_threads', 'url', 'util', 'electron', 'onnxruntime-node', 'sharp', 'better-sqlite3'];

/** Where each native or shell module may be imported from, and the paths barred to `file`. */
const HOMES = [
  { name: 'onnxruntime-node', home: 'src-main/ocr/worker/engine.ts', message: 'Only src-main/ocr/worker/engine.ts imports onnxruntime-node.' },
  { name: 'electron', home: 'src-main/app/**/*.ts', message: 'Only the Electron shell (src-main/app/) imports electron: the core, db, store, api, cli and OCR run in plain Node too.' },
  { name: 'better-sqlite3', home: 'src-main/db/**/*.ts', message: 'Only src-main/db/ opens SQLite.' },
];
const mainProcessImports = (file) => HOMES.filter((h) => h.home !== file).map(({ name, message }) => ({ name, message }));

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'models/**', 'release/**', 'coverage/**', '.scratch/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/ban-ts-comment': ['error', { 'ts-ignore': true, 'ts-expect-error': 'allow-with-description' }],
      'no-restricted-syntax': ['error', ZOD_WHOLE, ...NO_SQL],
      // Files a reader can take in at once (split by role, not by line count alone).
      'max-lines': ['error', { max: 300 }],
    },
  },
  {
    files: ['src-main/db/**/*.ts'],
    rules: { 'no-restricted-syntax': ['error', ZOD_WHOLE] },
  },
  {
    files: ['src-renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: [...NODE_AND_NATIVE, '**/src-main/**'], message: 'The window reaches the core only through the IPC contract (src-shared/ipc).' }] }],
    },
  },
  {
    files: ['e2e/**/*.ts'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
  {
    // Each native or shell module has one home: the others reach it through that module's functions.
    files: ['src-main/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: mainProcessImports('src-main/x.ts') }],
    },
  },
  ...['src-main/ocr/worker/engine.ts', 'src-main/app/**/*.ts', 'src-main/db/**/*.ts'].map((home) => ({
    files: [home],
    rules: { 'no-restricted-imports': ['error', { paths: mainProcessImports(home) }] },
  })),
  {
    files: ['src-main/ocr/worker/pipeline/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: NODE_AND_NATIVE, message: 'Pipeline stages are pure: no Node, Electron or native modules (the engine injects the model runner).' }] }],
    },
  },
  {
    files: ['src-shared/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: [...NODE_AND_NATIVE, 'react', 'react-dom'], message: 'src-shared runs in every process: no Node, Electron, native or DOM modules.' }] }],
    },
  },
);
