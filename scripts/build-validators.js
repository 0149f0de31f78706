#!/usr/bin/env node
'use strict';
// Part of `npm run build`: generates the structural validators (dist/validators/oas*.js) with ajv's
// standalone code, so that a run loads them instead of compiling the OpenAPI schemas, a fifth of a second at
// every start. They are ajv's own code for the same schemas and options (src/engine/structure.ts).
const { mkdirSync, writeFileSync } = require('node:fs');
const { dirname } = require('node:path');
const { _ } = require('ajv');
const standaloneCode = require('ajv/dist/standalone').default;
const { compilerFor, precompiledFile, VERSIONS } = require('../dist/engine/structure');

for (const version of VERSIONS) {
  // The formats are required by the generated file, from dist/validators/.
  const { ajv, schema } = compilerFor(version, { source: true, formats: _`require("../engine/structure-formats").structureFormats` });
  const file = precompiledFile(version);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, standaloneCode(ajv, ajv.compile(schema)));
}
