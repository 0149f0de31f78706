/** The project's own ruleset file: what names it, and finding it (kept apart so that the CLI's help loads no engine). */
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** The ruleset files used, in this order, when none is given: the first found in the current directory. */
export const RULESET_FILES = ['.oasguard.yaml', '.oasguard.yml', '.oasguard.json'] as const;

/** The project ruleset file in `cwd`, if there is one. */
export function findRulesetFile(cwd: string): string | undefined {
  return RULESET_FILES.find((name) => existsSync(join(cwd, name)));
}
