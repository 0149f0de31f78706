import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { diagnostics, formatters, lint, LintResult, rules as allRules, SARIF_MAX_RESULTS } from '../../src/index';
import { REPO_ROOT } from '../support/rule-tester';
import { finding, SAMPLE } from '../support/results';
import { validateSarif } from '../support/sarif-schema';
import { INSECURE_STRICT_TOTAL } from '../support/insecure-example';

const validate = validateSarif;

function sarif(result: LintResult = SAMPLE, cwd = '/project', sarifCategory?: string) {
  return JSON.parse(formatters.sarif(result, { color: false, cwd, sarifCategory }));
}

interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: string;
  partialFingerprints: Record<string, string>;
  locations: { physicalLocation: { region: { startLine: number } } }[];
}

describe('sarif formatter', () => {
  test('a finding that stands for many lists its places as related locations, at most 100, each with its own file', () => {
    const related = Array.from({ length: 120 }, (_, index) => ({
      file: index === 0 ? 'api/shared.yaml' : 'api/openapi.yaml',
      pointer: `/paths/~1x${index}/get`,
      range: { start: { line: index + 2, column: 5 }, end: { line: index + 2, column: 9 } },
      message: `GET /x${index}`,
    }));
    const gap = finding({
      ruleId: 'define-429-response',
      file: 'api/openapi.yaml',
      message: 'None of the 120 operations defines a 429.',
      related,
    });
    const [result] = sarif({ ...SAMPLE, findings: [gap] }).runs[0].results;
    expect(result.relatedLocations).toHaveLength(100);
    expect(result.relatedLocations[0]).toEqual({
      id: 0,
      physicalLocation: {
        artifactLocation: { uri: 'api/shared.yaml', uriBaseId: '%SRCROOT%' },
        region: { startLine: 2, startColumn: 5, endLine: 2, endColumn: 9 },
      },
      logicalLocations: [{ fullyQualifiedName: '/paths/~1x0/get', kind: 'member' }],
      message: { text: 'GET /x0' },
    });
    expect(result.relatedLocations[99].physicalLocation.artifactLocation.uri).toBe('api/openapi.yaml');
    expect(validate(sarif({ ...SAMPLE, findings: [gap] })) ? [] : validate.errors).toEqual([]);
  });

  test('a real lint of the examples and the bad-input fixtures passes the official SARIF 2.1.0 schema', async () => {
    const result = await lint(['fixtures/examples', 'fixtures/loading'], { cwd: REPO_ROOT });
    const log = sarif(result, REPO_ROOT);
    expect(validate(log) ? [] : validate.errors).toEqual([]);
    expect(log).toMatchObject({ $schema: 'https://json.schemastore.org/sarif-2.1.0.json', version: '2.1.0' });
    expect(log.runs).toHaveLength(1);
    expect(log.runs[0].columnKind).toBe('utf16CodeUnits');
    expect(log.runs[0].results.length).toBe(result.findings.length);
  });

  test('describes every active rule, with help, docs anchor, level, tags and security-severity', () => {
    const { driver } = sarif().runs[0].tool;
    const { version } = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8'));
    expect(driver).toMatchObject({ name: 'oasguard', semanticVersion: version, informationUri: 'https://github.com/oasguard/oasguard' });
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

  test("every result names its rule by id and by the index of that rule's descriptor", async () => {
    const result = await lint(['fixtures/examples/petstore-insecure.yaml'], { cwd: REPO_ROOT, ruleset: 'strict' });
    const { results, tool } = sarif(result, REPO_ROOT).runs[0];
    expect(results.length).toBe(INSECURE_STRICT_TOTAL);
    for (const entry of results as SarifResult[]) expect(tool.driver.rules[entry.ruleIndex].id).toBe(entry.ruleId);
  });

  test('every rule of the active ruleset has a complete descriptor, even without findings', async () => {
    const result = await lint(['fixtures/examples/petstore-secure.yaml'], { cwd: REPO_ROOT, ruleset: 'strict' });
    const { rules } = sarif(result, REPO_ROOT).runs[0].tool.driver;
    expect(result.findings).toEqual([]);
    expect(rules).toHaveLength(allRules.length + Object.keys(diagnostics).length);
    for (const rule of rules) {
      expect(Object.keys(rule).sort()).toEqual([
        'defaultConfiguration',
        'fullDescription',
        'help',
        'helpUri',
        'id',
        'name',
        'properties',
        'shortDescription',
      ]);
      expect(rule.help.text).toContain('Fix: ');
      expect(rule.help.markdown).toContain('**Guidelines:**');
      expect(rule.helpUri).toBe(`https://github.com/oasguard/oasguard/blob/main/docs/rules.md#${rule.id}`);
      expect(rule.properties['security-severity']).toMatch(/^\d+\.\d$/);
      expect(rule.properties.tags[0]).toBe('security');
    }
    const names = rules.map((rule: { id: string; properties: { precision: string } }) => `${rule.id}:${rule.properties.precision}`);
    expect(names).toEqual(expect.arrayContaining(['no-numeric-ids:medium', 'no-http-basic-auth:high', 'parse-error:very-high']));
  });

  test('security-severity maps errors to high, warnings to medium, infos and hints to low', () => {
    const rules = metasWithSeverities();
    expect(rules).toEqual({ error: '8.0', warn: '5.0', info: '3.0', hint: '1.0' });
  });

  test('fingerprints hash rule, file and pointer: lines added above a finding do not change them', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'oasguard-'));
    copyFileSync(join(REPO_ROOT, 'fixtures/examples/petstore-schemas.yaml'), join(dir, 'petstore-schemas.yaml'));
    const original = readFileSync(join(REPO_ROOT, 'fixtures/examples/petstore-insecure.yaml'), 'utf8');
    const run = async (text: string) => {
      writeFileSync(join(dir, 'api.yaml'), text);
      return sarif(await lint(['api.yaml'], { cwd: dir }), dir).runs[0].results as SarifResult[];
    };
    const before = await run(original);
    const after = await run(`# Reviewed by the API guild.\n# Owner: pets team.\n\n${original}`);
    const fingerprintsOf = (results: SarifResult[]) => results.map((entry) => entry.partialFingerprints['oasguardFinding/v1']);
    expect(fingerprintsOf(after)).toEqual(fingerprintsOf(before));
    expect(new Set(fingerprintsOf(before)).size).toBe(before.length);
    const firstInRoot = (results: SarifResult[]) => results.find((entry) => entry.ruleId === 'require-https-servers')!;
    expect(firstInRoot(after).locations[0].physicalLocation.region.startLine).toBe(
      firstInRoot(before).locations[0].physicalLocation.region.startLine + 3,
    );
  });

  test('findings sharing rule, file and pointer get distinct fingerprints by occurrence', () => {
    const twice = { ...SAMPLE, findings: [SAMPLE.findings[1], { ...SAMPLE.findings[1], message: 'Other.' }] };
    const [first, second] = sarif(twice).runs[0].results.map((entry: SarifResult) => entry.partialFingerprints['oasguardFinding/v1']);
    expect(first).toMatch(/^[0-9a-f]{32}:1$/);
    expect(second).toBe(first.replace(/:1$/, ':2'));
  });

  test('--sarif-category becomes automationDetails.id, ending in a slash; without it there is none', () => {
    expect(sarif(SAMPLE, '/project', 'api/public').runs[0].automationDetails).toEqual({ id: 'api/public/' });
    expect(sarif(SAMPLE, '/project', 'oasguard/').runs[0].automationDetails).toEqual({ id: 'oasguard/' });
    expect(sarif().runs[0]).not.toHaveProperty('automationDetails');
  });

  test('over 25,000 results, the most severe are kept in report order and a notification says so', () => {
    const warnings = Array.from({ length: SARIF_MAX_RESULTS }, (_, line) =>
      finding({
        ruleId: 'define-429-response',
        file: 'a.yaml',
        severity: 'warn',
        range: { start: { line: line + 1, column: 1 }, end: { line: line + 1, column: 2 } },
      }),
    );
    const errors = [
      finding({ ruleId: 'require-https-servers', file: 'b.yaml' }),
      finding({ ruleId: 'require-https-servers', file: 'c.yaml' }),
    ];
    const log = sarif({ ...SAMPLE, findings: [...warnings, ...errors] });
    const { results, invocations } = log.runs[0];
    expect(results).toHaveLength(SARIF_MAX_RESULTS);
    expect(results.slice(-3).map((entry: SarifResult) => entry.level)).toEqual(['warning', 'error', 'error']);
    expect(results[SARIF_MAX_RESULTS - 3].locations[0].physicalLocation.region.startLine).toBe(SARIF_MAX_RESULTS - 2);
    expect(invocations[0].toolExecutionNotifications).toEqual([
      {
        level: 'warning',
        message: {
          text: '2 of 25002 results were left out: GitHub code scanning accepts at most 25000 per run, so the most severe new findings were kept first.',
        },
      },
    ]);
    expect(validate(log) ? [] : validate.errors).toEqual([]);
  });

  test('the cap counts findings, not finding objects: one object listed 25,002 times still loses 2', () => {
    const log = sarif({ ...SAMPLE, findings: Array.from({ length: SARIF_MAX_RESULTS + 2 }, () => SAMPLE.findings[1]) });
    expect(log.runs[0].results).toHaveLength(SARIF_MAX_RESULTS);
    expect(log.runs[0].invocations[0].toolExecutionNotifications[0].message.text).toMatch(/^2 of 25002 results were left out/);
  });

  test('a file that failed to parse is an error result and a tool execution notification', async () => {
    const inputs = ['fixtures/loading/truncated.json', 'fixtures/loading/not-openapi.yaml', 'fixtures/examples/petstore-secure.yaml'];
    const log = sarif(await lint(inputs, { cwd: REPO_ROOT }), REPO_ROOT);
    const { results, invocations, tool } = log.runs[0];
    expect(results.map((entry: SarifResult) => [entry.ruleId, entry.level])).toEqual([
      ['not-openapi', 'error'],
      ['parse-error', 'error'],
    ]);
    const notifications = invocations[0].toolExecutionNotifications;
    expect(notifications).toEqual([
      {
        level: 'error',
        message: { text: 'fixtures/loading/truncated.json was not linted: Close brace expected.' },
        locations: [{ physicalLocation: { artifactLocation: { uri: 'fixtures/loading/truncated.json', uriBaseId: '%SRCROOT%' } } }],
        associatedRule: { id: 'parse-error', index: expect.any(Number) },
      },
      {
        level: 'error',
        message: {
          text: 'fixtures/loading/not-openapi.yaml was not linted: Not an OpenAPI document: it has no "openapi" or "swagger" field.',
        },
        locations: [{ physicalLocation: { artifactLocation: { uri: 'fixtures/loading/not-openapi.yaml', uriBaseId: '%SRCROOT%' } } }],
        associatedRule: { id: 'not-openapi', index: expect.any(Number) },
      },
    ]);
    for (const { associatedRule } of notifications) expect(tool.driver.rules[associatedRule.index].id).toBe(associatedRule.id);
    expect(invocations[0].executionSuccessful).toBe(true);
    expect(validate(log) ? [] : validate.errors).toEqual([]);
  });
});

/** The security-severity of a rule at each severity, read from the SARIF descriptors. */
function metasWithSeverities(): Record<string, string> {
  const base = SAMPLE.rules[0];
  const result = {
    ...SAMPLE,
    rules: (['error', 'warn', 'info', 'hint'] as const).map((severity) => ({ ...base, id: severity, severity })),
  };
  const rules = sarif(result).runs[0].tool.driver.rules as { id: string; properties: Record<string, string> }[];
  return Object.fromEntries(rules.map((rule) => [rule.id, rule.properties['security-severity']]));
}
