#!/usr/bin/env node
'use strict';
// Regenerates docs/rules.md, the README's rules table and docs/diff.md's change kinds from the built metadata (npm run
// docs builds first).
const { readFileSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');
const { renderRulesMarkdown, withRulesTable } = require('../dist/docs/rules-markdown');
const { withChangeKinds } = require('../dist/docs/diff-markdown');

const root = join(__dirname, '..');
writeFileSync(join(root, 'docs', 'rules.md'), renderRulesMarkdown(join(root, 'fixtures', 'rules')));
const readme = join(root, 'README.md');
writeFileSync(readme, withRulesTable(readFileSync(readme, 'utf8')));
const diffDoc = join(root, 'docs', 'diff.md');
writeFileSync(diffDoc, withChangeKinds(readFileSync(diffDoc, 'utf8')));
