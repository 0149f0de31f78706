#!/usr/bin/env node
'use strict';
const { run } = require('../dist/cli/program');
const { nodeIo } = require('../dist/cli/node-io');

void run(process.argv, nodeIo()).then((code) => {
  process.exitCode = code;
});
