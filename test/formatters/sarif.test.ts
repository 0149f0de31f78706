import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatters, lint } from '../../src/index';
import { REPO_ROOT } from '../support/rule-tester';
import { SAMPLE } from '../support/results';

const schema = JSON.parse(readFileSync(join(__dirname, '..', 'schemas', 'sarif-schema-2.1.0.json'), 'utf8'));
const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);
const validate = ajv.compile(schema);

function sarif(result = SAMPLE, cwd = '/project') {
  return JSON.parse(formatters.sarif(result, { color: false, cwd }));
}

describe('sarif formatter', () => {
  test('a real lint of the examples and the bad-input fixtures passes the official SARIF 2.1.0 schema', async () => {
    const result = await lint(['fixtures/examples', 'fixtures/loading'], { cwd: REPO_ROOT });
    const log = sarif(result, REPO_ROOT);
    expect(validate(log) ? [] : validate.errors).toEqual([]);
    expect(log.runs[0].results.length).toBe(result.findings.length);
  });

  test('describes every active rule, with help, docs anchor, level, tags and security-severity', () => {
    const { driver } = sarif().runs[0].tool;
    expect(driver).toMatchObject({ name: 'oasguard', informationUri: 'https://github.com/oasguard/oasguard' });
    expect(driver.rules.map((rule: { id: string }) => rule.id)).toEqual(SAMPLE.rules.map((rule) => rule.id));
    expect(driver.rules[3]).toMatchObject({
      id: 'require-https-servers',
      name: 'RequireHttpsServers',
      shortDescription: { text: 'Every server URL must use HTTPS (or WSS).' },
      helpUri: 'https://github.com/oasguard/oasguard/blob/main/docs/rules.md#require-https-servers',
      defaultConfiguration: { level: 'error' },
      properties: { tags: ['security', 'OWASP-API8:2023', 'external/cwe/cwe-319'], precision: 'high', 'security-severity': '8.0' },
    });
    expect(driver.rules[3].help.markdown).toContain('**Fix:**');
  });

  test('results point at repo-relative, percent-encoded URIs with full 1-based regions', () => {
    const withSpace = { ...SAMPLE, findings: [{ ...SAMPLE.findings[1], file: 'api/my spec.yaml' }] };
    const [result] = sarif(withSpace).runs[0].results;
    expect(result).toMatchObject({
      ruleId: 'define-429-response',
      ruleIndex: 1,
      level: 'warning',
      message: { text: 'No 429.' },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: 'api/my%20spec.yaml', uriBaseId: '%SRCROOT%' },
            region: { startLine: 12, startColumn: 17, endLine: 14, endColumn: 1 },
          },
        },
      ],
    });
    expect(sarif().runs[0].originalUriBaseIds).toEqual({ '%SRCROOT%': { uri: 'file:///project/' } });
  });

  test('files outside the working directory get absolute file URIs', () => {
    const outside = { ...SAMPLE, findings: [{ ...SAMPLE.findings[0], file: '../elsewhere/api.yaml' }] };
    expect(sarif(outside).runs[0].results[0].locations[0].physicalLocation.artifactLocation).toEqual({
      uri: 'file:///elsewhere/api.yaml',
    });
  });

  test('info and hint findings are notes', () => {
    expect(sarif().runs[0].results.map((r: { level: string }) => r.level)).toEqual(['error', 'warning', 'note', 'note']);
  });
});
