#!/usr/bin/env node
'use strict';
// Regenerates docs/rules.md and the README's rules table from the built rules (npm run docs builds first).
const { readFileSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');
const { renderRulesMarkdown, withRulesTable } = require('../dist/docs/rules-markdown');

const root = join(__dirname, '..');
writeFileSync(join(root, 'docs', 'rules.md'), renderRulesMarkdown(join(root, 'fixtures', 'rules')));
const readme = join(root, 'README.md');
writeFileSync(readme, withRulesTable(readFileSync(readme, 'utf8')));
