import { diagnostics, findRule, Finding, LintResult, RuleMeta } from '../../src/index';
import { ruleMeta } from '../../src/rules/define-rule';

/** A finding with only what a test cares about spelled out. */
export function finding(partial: Partial<Finding> & Pick<Finding, 'ruleId' | 'file'>): Finding {
  return {
    messageId: 'm',
    severity: 'error',
    message: 'Something is wrong.',
    pointer: '/paths',
    range: { start: { line: 1, column: 1 }, end: { line: 1, column: 5 } },
    nodeHash: '0123456789abcdef',
    ...partial,
  };
}

/** The metadata of rules by id (rules or diagnostics). */
export function metas(...ids: string[]): RuleMeta[] {
  return ids.map((id) => {
    const rule = findRule(id);
    return rule ? ruleMeta(rule) : diagnostics[id as keyof typeof diagnostics];
  });
}

/** A small result spanning two files and every severity. */
export const SAMPLE: LintResult = {
  files: ['api/openapi.yaml', 'api/other.yaml'],
  unlinted: [],
  skipped: [],
  referenced: [],
  findings: [
    finding({
      ruleId: 'require-https-servers',
      file: 'api/openapi.yaml',
      message: 'Server URL "http://x" uses http://.',
      range: { start: { line: 6, column: 10 }, end: { line: 6, column: 18 } },
      pointer: '/servers/0/url',
    }),
    finding({
      ruleId: 'define-429-response',
      file: 'api/openapi.yaml',
      severity: 'warn',
      message: 'No 429.',
      range: { start: { line: 12, column: 17 }, end: { line: 14, column: 1 } },
    }),
    finding({ ruleId: 'define-401-response', file: 'api/other.yaml', severity: 'info', message: 'No 401.' }),
    finding({ ruleId: 'parse-error', file: 'api/other.yaml', severity: 'hint', message: 'Hinted.', pointer: '' }),
  ],
  suppressed: [],
  baselined: [],
  rules: metas('define-401-response', 'define-429-response', 'parse-error', 'require-https-servers'),
};
