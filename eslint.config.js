// ESLint, configured once for the whole repository: typescript-eslint's recommended rules (syntax only, no
// type-aware rules: they would need the whole program and make `npm run lint` several times slower), the
// React hooks rules for the web app, and eslint-config-prettier last so formatting is left to Prettier.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import prettier from 'eslint-config-prettier';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['**/node_modules/', '**/dist/', 'data/', '.tmp/', 'test-results/', 'playwright-report/', 'backups/'] },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // tsc already reports these (noUnusedLocals, noUnusedParameters), with the `_name` convention used here.
      '@typescript-eslint/no-unused-vars': 'off',
      // The text-hygiene regexes strip control characters from user input: matching them is their purpose.
      'no-control-regex': 'off',
    },
  },
  {
    files: ['apps/web/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    // The two classic hooks rules. The plugin's React Compiler rules (static-components, set-state-in-effect,
    // refs…) took ~80% of the whole lint time and judge patterns for a compiler this app does not use.
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
  {
    // Issue 10: SQL lives in a module's queries*.ts (or store.ts); services hold the rules and transactions.
    files: ['apps/server/src/modules/**/*.ts'],
    ignores: ['**/queries*.ts', '**/store.ts', '**/*.test.ts', '**/testing.ts', '**/samples.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.property.name='query']", message: "SQL goes in the module's queries.ts (a named, typed function), not in a service." },
        {
          selector: "CallExpression[callee.property.name='exec'][arguments.0.type=/^(TemplateLiteral|Literal)$/]",
          message: "SQL goes in the module's queries.ts (a named, typed function), not in a service.",
        },
      ],
    },
  },
  prettier,
);
