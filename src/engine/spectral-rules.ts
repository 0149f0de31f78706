/**
 * The seam between oasguard's rules and Spectral: a rule (defineRule) as a Spectral rule whose function visits the
 * rule's selectors, the structural checks as Spectral rules, and the diagnostic each Spectral code becomes.
 */
import { createRulesetFunction, formats } from '../stoplight';
import type { IFunctionResult, RulesetFunction, SpectralRule } from '../stoplight';

const { oas2, oas3, oas3_0, oas3_1, oas3_2 } = formats;
import { renderMessage, Rule } from '../rules/define-rule';
import { expressionsOf } from '../rules/support/node-kinds';
import { isObject } from '../rules/support/openapi';
import { isSuppressedAt } from '../rules/support/suppressions';
import type { Severity } from '../shared/types';
import { DIAGNOSTIC, DiagnosticId } from '../rules/diagnostics';
import type { MessageEncoder, RelatedPath } from './messages';
import { compileSelector, select } from './selectors';
import { StructureProblem, swagger2SemanticProblem, validateStructure } from './structure';

/** The document formats oasguard lints. */
export const OPENAPI_FORMATS = [oas2, oas3, oas3_0, oas3_1, oas3_2];

/** An oasguard rule as a Spectral rule, with `options` merged over its defaults. */
export function spectralRule(
  rule: Rule,
  severity: Severity,
  options: Record<string, unknown> | undefined,
  encode: MessageEncoder,
): SpectralRule {
  const functionOptions = rule.options ? { ...(rule.options.defaults as object), ...options } : undefined;
  return {
    description: rule.description,
    documentationUrl: rule.docsUrl,
    // The rule selects its nodes itself (see compileSelector): Spectral only hands it the resolved document.
    given: '$',
    severity,
    resolved: true,
    formats: OPENAPI_FORMATS,
    message: '{{error}}',
    then: {
      function: ruleFunction(rule, encode, options === undefined ? functionOptions : undefined),
      ...(functionOptions ? { functionOptions } : {}),
    },
  };
}

/** `defaultOptions`: the options object a rule runs with when no ruleset gives it options. */
function ruleFunction(rule: Rule, encode: MessageEncoder, defaultOptions: object | undefined): RulesetFunction {
  const visitors = Object.entries(rule.visit).map(([selector, visit]) => ({
    // An expression listed twice would visit its nodes twice.
    selectors: [...new Set(expressionsOf(selector))].map(compileSelector),
    visit: visit!,
  }));
  const check: RulesetFunction = (root, options, spectralContext) => {
    // A related place is placed as Spectral places a result: in the file and at the path it is written at.
    const place = (path: (string | number)[], message: string): RelatedPath => {
      const item = spectralContext.documentInventory.findAssociatedItemForPath(path, true);
      const document = item?.document ?? spectralContext.document;
      const at = item?.path ?? path;
      const range = document.getRangeForJsonPath(at, true) ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
      return { ...(document.source ? { source: document.source } : {}), path: at, range, message };
    };
    const results: IFunctionResult[] = [];
    for (const { selectors, visit } of visitors) {
      for (const { node, path } of selectors.flatMap((selector) => select(root, selector))) {
        if (!isObject(node)) continue;
        visit(node, {
          root,
          path,
          options,
          isSuppressed: (at) => isSuppressedAt(root, [...path, ...at], rule.id),
          report(messageId, { at = [], data, related, atMost } = {}) {
            const message = renderMessage(rule.messages[messageId], data);
            const places = related?.map(({ at: placeAt, message: label }) => place([...path, ...placeAt], label));
            const extras = places || atMost ? { ...(places ? { related: places } : {}), ...(atMost ? { atMost } : {}) } : undefined;
            results.push({ message: encode(messageId, message, extras), path: [...path, ...at] });
          },
        });
      }
    }
    return results;
  };
  // Spectral names the function in option errors: make that the rule id.
  Object.defineProperty(check, 'name', { value: rule.id });
  const schema = rule.options?.schema;
  if (schema === undefined) return createRulesetFunction<unknown, unknown>({ input: null, options: null }, check);
  return validatedWhenGiven(check, schema, defaultOptions);
}

/**
 * A function whose options Spectral validates, as createRulesetFunction makes it, but created on first need: its ajv
 * compiles JSON Schema's meta-schema before the first options schema, a tenth of a small lint. The rule's defaults
 * are valid (test/rules-meta.test.ts checks them), so only options a ruleset gives are validated, and compile it.
 */
function validatedWhenGiven(check: RulesetFunction, schema: object, defaultOptions: object | undefined): RulesetFunction {
  let validating: (RulesetFunction & { validator(options: unknown): void }) | undefined;
  const spectralFunction = () =>
    (validating ??= createRulesetFunction<unknown, unknown>({ input: null, options: schema }, check) as typeof validating & object);
  const lazy: RulesetFunction = (input, options, context) =>
    options === defaultOptions ? check(input, options, context) : spectralFunction()(input, options, context);
  Object.defineProperty(lazy, 'name', { value: check.name });
  return Object.assign(lazy, {
    validator: (options: unknown) => {
      if (options !== defaultOptions) spectralFunction().validator(options);
    },
  });
}

/** The rule running swagger-parser's Swagger 2.0 semantic checks (see structure.ts). */
const SWAGGER2_SEMANTICS = 'oasguard-oas2-semantics';

/** Spectral's codes for its own diagnostics and for the schema checks, and the oasguard diagnostic each becomes. */
const SPECTRAL_DIAGNOSTICS: Record<string, DiagnosticId> = {
  parser: DIAGNOSTIC.parseError,
  'invalid-ref': DIAGNOSTIC.unresolvedRef,
  'oas2-schema': DIAGNOSTIC.invalidOpenApi,
  'oas3-schema': DIAGNOSTIC.invalidOpenApi,
  [SWAGGER2_SEMANTICS]: DIAGNOSTIC.invalidOpenApi,
};

/** The oasguard diagnostic a Spectral code is reported as; undefined for rule names (`constructor` included). */
export function spectralDiagnostic(code: string): DiagnosticId | undefined {
  return Object.hasOwn(SPECTRAL_DIAGNOSTICS, code) ? SPECTRAL_DIAGNOSTICS[code] : undefined;
}

/**
 * The structural checks, reported as `invalid-openapi` (see structure.ts). The schema checks take the names of
 * `spectral:oas`'s own schema rules, so a ruleset extending it has them once.
 */
export function schemaRules(encode: MessageEncoder): Record<string, SpectralRule> {
  const rule = (format: typeof oas2, resolved: boolean, check: (document: unknown) => StructureProblem[]): SpectralRule => ({
    given: '$',
    formats: [format],
    resolved,
    severity: 'error',
    message: '{{error}}',
    then: {
      function: function oasguardStructure(target) {
        return check(target).map(({ path, message }) => ({ message: encode('invalid', message), path }));
      },
    },
  });
  return {
    'oas2-schema': rule(oas2, false, validateStructure),
    'oas3-schema': rule(oas3, false, validateStructure),
    // Swagger-parser judges parameters and schemas as they are once references are followed.
    [SWAGGER2_SEMANTICS]: rule(oas2, true, (document) => [swagger2SemanticProblem(document)].filter((problem) => problem !== undefined)),
  };
}
