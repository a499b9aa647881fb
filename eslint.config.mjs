import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', 'cdk.out/', 'coverage/', '**/*.js', '**/*.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[object.name='process'][property.name='env']",
          message: 'Read the environment in core/config.ts only.',
        },
      ],
    },
  },
  ...layerRules(),
  {
    files: ['core/config.ts', 'test/**/*.ts', 'bench/**/*.ts'],
    rules: { 'no-restricted-syntax': 'off' },
  },
);

/**
 * The layout table in ARCHITECTURE.md as lint: `core/` and `charts/` import
 * nothing of ours, the edge never imports the worker, and the other way round.
 */
function layerRules() {
  const folders = ['core', 'bot', 'workers', 'charts', 'infra', 'local', 'test', 'bench'];
  const allowed = {
    core: [],
    charts: [],
    bot: ['core'],
    workers: ['core', 'charts'],
    local: ['core', 'bot', 'workers', 'charts'],
  };
  return Object.entries(allowed).map(([folder, may]) => {
    const forbidden = folders.filter((other) => other !== folder && !may.includes(other));
    return {
      files: [`${folder}/**/*.ts`],
      rules: {
        'no-restricted-imports': [
          'error',
          {
            patterns: forbidden.map((other) => ({
              group: [`**/${other}/*`, `**/${other}`],
              message: `${folder}/ may not import ${other}/ (see the layout in ARCHITECTURE.md).`,
            })),
          },
        ],
      },
    };
  });
}
