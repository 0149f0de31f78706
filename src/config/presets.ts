/** The presets shipped in `rulesets/`: each maps every rule id to a severity, as data. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { OPENAPI_FORMATS, spectralRule } from '../engine/spectral-rules';
import type { SpectralRule, SpectralRulesetDefinition } from '../stoplight';
import type { MessageEncoder } from '../engine/messages';
import { findRule } from '../rules';
import { RULES_DOCS_URL } from '../shared/meta';
import type { RuleSetting } from '../shared/types';

/** The presets shipped in `rulesets/`. */
export const PRESETS = ['recommended', 'strict'] as const;

/** A preset's name. */
export type PresetName = (typeof PRESETS)[number];

/** The preset used when neither the caller nor the project names a ruleset. */
export const DEFAULT_PRESET: PresetName = 'recommended';

const PRESETS_DIR = join(__dirname, '..', '..', 'rulesets');

/** A preset's settings: `rulesets/<name>.yaml` maps every rule id to a severity, or `off` for an opt-in rule. */
export function presetSeverities(preset: PresetName): Record<string, RuleSetting> {
  return (parseYaml(readFileSync(join(PRESETS_DIR, `${preset}.yaml`), 'utf8')) as { rules: Record<string, RuleSetting> }).rules;
}

/** A preset as a Spectral ruleset: what `extends: oasguard:<preset>` and `oasguard/ruleset` load. */
export function presetRuleset(preset: PresetName, encode: MessageEncoder): SpectralRulesetDefinition {
  const rules: Record<string, SpectralRule> = {};
  for (const [id, severity] of Object.entries(presetSeverities(preset))) {
    const rule = findRule(id);
    if (!rule) continue;
    // An opt-in rule stays in the preset, disabled (Spectral's `recommended: false`), so that a ruleset extending it
    // can turn the rule on by name without Spectral running it, to discard its results, everywhere else.
    rules[id] =
      severity === 'off'
        ? { ...spectralRule(rule, rule.severity, undefined, encode), recommended: false }
        : spectralRule(rule, severity, undefined, encode);
  }
  return { description: `oasguard ${preset}`, documentationUrl: RULES_DOCS_URL, formats: OPENAPI_FORMATS, rules };
}
