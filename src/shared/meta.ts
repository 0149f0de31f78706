import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const pkg = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8')) as { name: string; version: string };

/** The tool's name, as reported in JSON and SARIF. */
export const TOOL_NAME: string = pkg.name;

/** The tool's version, from package.json so that it can never drift. */
export const TOOL_VERSION: string = pkg.version;

/** Where users read about oasguard. */
export const INFORMATION_URI = 'https://github.com/oasguard/oasguard';

/** Rule documentation; each rule's docs URL is this plus `#<rule-id>`, never typed by hand. */
export const RULES_DOCS_URL = `${INFORMATION_URI}/blob/main/docs/rules.md`;

/** The docs anchor of a rule. */
export function docsUrlFor(ruleId: string): string {
  return `${RULES_DOCS_URL}#${ruleId}`;
}
