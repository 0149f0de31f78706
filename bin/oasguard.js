#!/usr/bin/env node
'use strict';
const { join } = require('node:path');
const { loadBundle } = require('../dist/cli/code-cache');

const { run, nodeIo } = /** @type {typeof import('../dist/cli/main')} */ (
  loadBundle(join(__dirname, '..', 'dist', 'bundle', 'cli.js')).exports
);
void run(process.argv, nodeIo()).then((code) => {
  process.exitCode = code;
});
