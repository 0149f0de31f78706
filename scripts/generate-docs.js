#!/usr/bin/env node
'use strict';
// Regenerates docs/rules.md from the built rules (npm run docs builds first).
const { writeFileSync } = require('node:fs');
const { join } = require('node:path');
const { renderRulesMarkdown } = require('../dist/docs/rules-markdown');

const root = join(__dirname, '..');
writeFileSync(join(root, 'docs', 'rules.md'), renderRulesMarkdown(join(root, 'fixtures', 'rules')));
