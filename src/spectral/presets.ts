import { spectralSafeMessage } from '../engine/messages';
import { presetRuleset } from '../config/presets';

/** oasguard's presets as Spectral rulesets, for Spectral's CLI and editor extensions. */
export const recommended = presetRuleset('recommended', spectralSafeMessage);

/** The `strict` preset as a Spectral ruleset. */
export const strict = presetRuleset('strict', spectralSafeMessage);
