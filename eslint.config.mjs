// ESLint (flat config): typescript-eslint for src/ and test/, the lit and wc plugins for the elements,
// Node globals for scripts, bench and bin. Formatting is Prettier's job (`npx prettier --check .`).
import js from '@eslint/js';
import globals from 'globals';
import lit from 'eslint-plugin-lit';
import wc from 'eslint-plugin-wc';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'test-results/', 'custom-elements.json', 'demo/vendor/', 'coverage/', '.stryker-tmp/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['src/**/*.ts'],
    ...lit.configs['flat/recommended'],
  },
  {
    files: ['src/**/*.ts'],
    ...wc.configs['flat/recommended'],
  },
  {
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      'no-empty': ['error', { allowEmptyCatch: true }],
      // URL and link checks match control characters on purpose ("java\tscript:").
      'no-control-regex': 'off',
      '@typescript-eslint/no-unused-expressions': ['error', { allowShortCircuit: true, allowTernary: true }],
    },
  },
  {
    files: ['scripts/**', 'bench/**', 'bin/**', 'test/node/**', 'test/e2e/**', '*.mjs', '*.js'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
  {
    // Functions the e2e tests run inside the page see the page's globals.
    files: ['test/e2e/**'],
    languageOptions: { globals: { keksi: 'readonly', gtag: 'readonly', fbq: 'readonly', dataLayer: 'readonly' } },
  },
  {
    files: ['bench/pages/**'],
    languageOptions: { globals: { CookieConsent: 'readonly', klaro: 'readonly', tarteaucitron: 'readonly' } },
  },
);
