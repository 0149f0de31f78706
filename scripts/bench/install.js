#!/usr/bin/env node
'use strict';
// Installs the corpus and benchmark data (scripts/bench/package.json: about 800 MB of real API descriptions and
// Redocly CLI) from its lockfile when it is missing or older than the lockfile: `npm run corpus` and `npm run bench`
// need it, an install of oasguard (or its pre-commit hook) never does.
const { execFileSync } = require('node:child_process');
const { existsSync, statSync } = require('node:fs');
const { join } = require('node:path');

const dir = __dirname;
const installed = join(dir, 'node_modules', '.package-lock.json');
const lock = join(dir, 'package-lock.json');
if (!existsSync(installed) || statSync(installed).mtimeMs < statSync(lock).mtimeMs) {
  process.stderr.write('Installing the corpus and benchmark data (scripts/bench) from its lockfile...\n');
  execFileSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: dir, stdio: 'inherit' });
}
