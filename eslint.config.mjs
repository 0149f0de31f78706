// The house lint: typescript-eslint's type-checked recommendations, and the layering of src/ (see CONTRIBUTING.md).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/**
 * The folders of src/ from the bottom up: a folder imports only folders listed before it. `spectral` (the published
 * Spectral rulesets), `docs`, `index.ts` and `cli` sit on top.
 */
const LAYERS = ['shared', 'stoplight', 'input', 'refs', 'rules', 'authz', 'snapshot', 'engine', 'config', 'lint', 'diff', 'formatters'];

const STOPLIGHT = { group: ['@stoplight/*'], message: 'Import Stoplight through src/stoplight, the Spectral boundary.' };

/** For a folder, the import patterns that would reach a folder above it. */
function upwardImports(folder) {
  const above = [...LAYERS.slice(LAYERS.indexOf(folder) + 1), 'cli', 'docs', 'spectral', 'index'];
  return above.flatMap((name) => [`../${name}`, `../${name}/*`, `../../${name}`, `../../${name}/*`]);
}

export default tseslint.config(
  { ignores: ['dist/', 'coverage/', 'node_modules/', '.ci-out/', 'fixtures/', 'docs/'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: { allowDefaultProject: ['*.js', '*.mjs', 'bin/*.js'] }, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // Unused parameters named `_x` document a signature; unused anything else is dead code.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      eqeqeq: ['error', 'always'],
      // oasguard matches control characters on purpose: to escape them in output and refuse them in input.
      'no-control-regex': 'off',
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[object.name='process'][property.name='exit']",
          message: 'Return an exit code; only bin/oasguard.js sets it.',
        },
      ],
    },
  },
  // The library never reads the process's working directory: callers pass `cwd`.
  {
    files: ['src/**/*.ts'],
    ignores: ['src/cli/node-io.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        { object: 'process', property: 'cwd', message: 'Take cwd as an option; only the CLI reads the process.' },
      ],
    },
  },
  // Imports flow down the layers, and only src/stoplight imports Stoplight's packages.
  {
    files: ['src/**/*.ts'],
    ignores: ['src/stoplight/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [STOPLIGHT] }] },
  },
  ...LAYERS.map((folder) => ({
    files: [`src/${folder}/**/*.ts`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...(folder === 'stoplight' ? [] : [STOPLIGHT]),
            { group: upwardImports(folder), message: `src/${folder} sits below this folder (see LAYERS in eslint.config.mjs).` },
          ],
        },
      ],
    },
  })),
  // Tests assert on parsed JSON output, and scripts are JavaScript checked by tsc (scripts/tsconfig.json) against the
  // library's types: `any` is what they read, so the no-unsafe-* family only repeats that.
  {
    files: ['test/**/*.ts', '**/*.js', '**/*.mjs'],
    rules: {
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: {
        require: 'readonly',
        module: 'writable',
        __dirname: 'readonly',
        __filename: 'readonly',
        process: 'readonly',
        console: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-require-imports': 'off',
      // Destructured Node functions (`const { join } = require('node:path')`) are typed as methods, but are not.
      '@typescript-eslint/unbound-method': 'off',
    },
  },
  { files: ['eslint.config.mjs'], languageOptions: { sourceType: 'module' } },
);
