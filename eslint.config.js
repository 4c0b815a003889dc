// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** Import fences from ARCHITECTURE.md: the functional core stays pure, the app layer stays Forge-free. */
const forgeAndShell = ['@forge/*', '**/forge/**', '**/jira/**', '**/app/**', '**/emulator/**', 'node:*', 'fs', 'http', 'https'];

export default tseslint.config(
  { ignores: ['node_modules/**', 'static/*/build/**', 'coverage/**', 'screenshots/**', 'tests/fixtures/**', '.tmp/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: forgeAndShell, message: 'src/domain is pure: no Forge, no shell, no I/O.' }, { group: ['**/config/**', '**/contracts/**'], message: 'src/domain must not depend on config or contracts.' }] }],
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: 'src/domain never reads the clock: take now as a parameter.' },
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'src/domain never reads the clock: take now as a parameter.' },
        { selector: "CallExpression[callee.object.name='Math'][callee.property.name='random']", message: 'src/domain is deterministic.' },
        { selector: "CallExpression[callee.object.name='performance'][callee.property.name='now']", message: 'src/domain never reads the clock.' },
      ],
    },
  },
  {
    files: ['src/app/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['@forge/*', '**/forge/**', '**/emulator/**'], message: 'src/app talks to the world only through ports.' }] }],
    },
  },
  {
    files: ['src/**/*.ts'],
    ignores: ['src/domain/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/emulator/**'], message: 'Nothing in src/ imports the emulator.' }] }],
    },
  },
  {
    files: ['static/**/*.ts', 'static/**/*.tsx'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/src/forge/**', '**/src/jira/**', '**/src/app/**', '@forge/api', '@forge/kvs'], message: 'static/ talks to the backend only through @forge/bridge.' }] }],
    },
  },
  {
    files: ['**/*.js', '**/*.cjs', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
  },
);
