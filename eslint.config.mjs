import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', 'cdk.out/', 'coverage/', '**/*.js', '**/*.mjs', '**/*.cjs'] },
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
  // Inside workers/: the job layer and the conversation port know no platform; adapters are composed in the entry points.
  const adapters = ['workers/slack', 'workers/teams', 'workers/playground'];
  const platformFree = { 'workers/jobs': adapters, 'workers/conversation': adapters };
  const rule = (folder, forbidden) => ({
    files: [`${folder}/**/*.ts`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: forbidden.map((other) => ({
            group: [`**/${other.split('/').pop()}/*`, `**/${other.split('/').pop()}`],
            message: `${folder}/ may not import ${other}/ (see the layout in ARCHITECTURE.md).`,
          })),
        },
      ],
    },
  });
  const layers = Object.entries(allowed).map(([folder, may]) =>
    rule(
      folder,
      folders.filter((other) => other !== folder && !may.includes(other)),
    ),
  );
  // Later blocks replace a rule's options, so these repeat their layer's list.
  const inner = Object.entries(platformFree).map(([folder, forbidden]) =>
    rule(folder, [...folders.filter((other) => !allowed.workers.includes(other) && other !== 'workers'), ...forbidden]),
  );
  return [...layers, ...inner];
}
