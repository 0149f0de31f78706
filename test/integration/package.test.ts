import { spawnSync } from 'node:child_process';
import { REPO_ROOT } from '../support/rule-tester';

/** What `npm publish` would upload: `npm pack --dry-run` lists it (scripts off: npm test has built dist already). */
function packedFiles(): string[] {
  const pack = spawnSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: REPO_ROOT, encoding: 'utf8' });
  expect(pack.status).toBe(0);
  return (JSON.parse(pack.stdout) as { files: { path: string }[] }[])[0].files.map((file) => file.path);
}

describe('the npm package', () => {
  const files = packedFiles();

  test('holds the CLI, the built library with its types, the presets, the docs and the licence', () => {
    expect(files).toEqual(
      expect.arrayContaining([
        'package.json',
        'README.md',
        'LICENSE',
        'bin/oasguard.js',
        'dist/index.js',
        'dist/index.d.ts',
        'dist/cli/program.js',
        'dist/lint/worker.js',
        'dist/spectral/ruleset.js',
        'dist/validators/oas31.js',
        'dist/bundle/cli.js',
        'dist/bundle/cli.js.v8-cache',
        'dist/bundle/worker.js',
        'rulesets/recommended.yaml',
        'rulesets/strict.yaml',
        'docs/rules.md',
      ]),
    );
  });

  test('and nothing a user does not run: no sources, tests, fixtures, scripts, benchmark data or screenshots', () => {
    const top = new Set(files.map((path) => path.split('/')[0]));
    expect([...top].sort()).toEqual(['LICENSE', 'README.md', 'bin', 'dist', 'docs', 'package.json', 'rulesets']);
    expect(files.filter((path) => /\.test\.|^dist\/docs\/|\.png$/.test(path))).toEqual([]);
  });
});
