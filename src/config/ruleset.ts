import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { UsageError } from '../errors';
import { findRule } from '../rules';
import { isSeverity } from '../severity';
import type { Severity } from '../types';

/** The presets shipped in `rulesets/`. */
export const PRESETS = ['recommended', 'strict'] as const;

/** An enabled rule's severity and options, as a ruleset sets them. */
export interface RuleSettings {
  severity: Severity;
  /** Present only when the ruleset sets options; the engine merges them over the rule's defaults. */
  options?: Record<string, unknown>;
}

/** A ruleset after presets and `extends` are applied: every enabled rule with its settings. */
export interface ResolvedRuleset {
  /** The preset name or the ruleset file it was loaded from. */
  name: string;
  rules: Map<string, RuleSettings>;
}

const PRESETS_DIR = join(__dirname, '..', '..', 'rulesets');

/**
 * Loads a preset by name (`recommended`, `oasguard:strict`) or a ruleset file by path (relative to `cwd`).
 * A ruleset file is YAML: `extends` names presets applied first, `rules` maps rule ids to a severity,
 * `off`, or `[severity, options]`.
 */
export function loadRuleset(nameOrPath: string, cwd: string): ResolvedRuleset {
  const preset = presetName(nameOrPath);
  const file = preset ? join(PRESETS_DIR, `${preset}.yaml`) : resolve(cwd, nameOrPath);
  return loadRulesetFile(file, preset ?? nameOrPath, new Set());
}

function presetName(nameOrPath: string): string | undefined {
  const name = nameOrPath.replace(/^oasguard:/, '');
  return (PRESETS as readonly string[]).includes(name) ? name : undefined;
}

function loadRulesetFile(file: string, name: string, loading: Set<string>): ResolvedRuleset {
  if (loading.has(file)) throw new UsageError(`Ruleset ${name} extends itself.`);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new UsageError(`Cannot read ruleset "${name}".`, `Use one of ${PRESETS.join(', ')} or the path of a ruleset file.`);
  }
  const fail = (problem: string) => new UsageError(`Invalid ruleset ${name}: ${problem}`);
  let definition: unknown;
  try {
    definition = parseYaml(text, { maxAliasCount: 100 });
  } catch (error) {
    throw fail((error as Error).message.split('\n')[0]);
  }
  if (typeof definition !== 'object' || definition === null || Array.isArray(definition)) {
    throw fail('expected a mapping with `extends` and/or `rules`.');
  }
  const { extends: extended = [], rules: settings = {}, ...unknown } = definition as Record<string, unknown>;
  const unknownKeys = Object.keys(unknown);
  if (unknownKeys.length > 0) throw fail(`unknown key "${unknownKeys[0]}" (expected \`extends\` and \`rules\`).`);

  const resolved: ResolvedRuleset = { name, rules: new Map() };
  for (const base of Array.isArray(extended) ? extended : [extended]) {
    const preset = typeof base === 'string' ? presetName(base) : undefined;
    if (!preset) throw fail(`cannot extend ${JSON.stringify(base)}; use one of ${PRESETS.map((p) => `oasguard:${p}`).join(', ')}.`);
    const parent = loadRulesetFile(join(PRESETS_DIR, `${preset}.yaml`), preset, new Set([...loading, file]));
    for (const [id, setting] of parent.rules) resolved.rules.set(id, setting);
  }
  if (typeof settings !== 'object' || settings === null || Array.isArray(settings)) {
    throw fail('`rules` must map rule ids to a severity.');
  }
  for (const [id, value] of Object.entries(settings)) {
    const setting = parseSetting(id, value, fail);
    if (setting === 'off') resolved.rules.delete(id);
    else resolved.rules.set(id, setting);
  }
  return resolved;
}

function parseSetting(id: string, value: unknown, fail: (problem: string) => UsageError): RuleSettings | 'off' {
  if (!findRule(id)) throw fail(`unknown rule "${id}". Run \`oasguard rules\` to list the rules.`);
  const [severity, options, ...rest] = Array.isArray(value) ? value : [value];
  if (severity === 'off') return 'off';
  if (!isSeverity(severity) || rest.length > 0) {
    throw fail(`rule "${id}": expected error, warn, info, hint or off (or [severity, options]), got ${JSON.stringify(value)}.`);
  }
  if (options === undefined) return { severity };
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw fail(`rule "${id}": options must be a mapping.`);
  }
  return { severity, options: options as Record<string, unknown> };
}
