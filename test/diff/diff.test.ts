import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHANGE_KINDS, diffPaths, pathShape } from '../../src';
import type { ChangeKind, DiffResult } from '../../src';
import { withChangeKinds } from '../../src/docs/diff-markdown';
import { REPO_ROOT } from '../support/rule-tester';

const FIXTURES = 'fixtures/diff';

/** A change as a table row: kind, severity, message, and where it stands in the new version (else the old). */
const rows = (result: DiffResult) =>
  result.changes.map(({ kind, severity, message, before, after }) => [
    kind,
    severity,
    message,
    after ? `after:${after.line} ${after.pointer}` : `before:${before!.line} ${before!.pointer}`,
  ]);

const pair = (kind: string, version: string) =>
  diffPaths(`${FIXTURES}/${kind}/${version}/before.yaml`, `${FIXTURES}/${kind}/${version}/after.yaml`, { cwd: REPO_ROOT });

/** Each kind's fixtures, in OpenAPI 3 and Swagger 2.0: the one change the pair makes, where it is. */
const EXPECTED: Record<ChangeKind, Record<'openapi3' | 'swagger2', string[]>> = {
  'operation-made-public': {
    openapi3: ['GET /pets/{id} no longer requires authentication.', 'after:18 /paths/~1pets~1{id}/get'],
    swagger2: ['GET /pets/{id} no longer requires authentication.', 'after:16 /paths/~1pets~1{id}/get'],
  },
  'security-weakened': {
    openapi3: ['GET /pets/{id} now also accepts calls without authentication.', 'after:18 /paths/~1pets~1{id}/get'],
    swagger2: ['GET /pets/{id} now also accepts calls without authentication.', 'after:16 /paths/~1pets~1{id}/get'],
  },
  'scheme-weakened': {
    openapi3: ['Security scheme "oauth" offers the OAuth2 implicit flow.', 'after:9 /components/securitySchemes/oauth'],
    swagger2: ['Security scheme "oauth" offers the OAuth2 implicit flow.', 'after:8 /securityDefinitions/oauth'],
  },
  'server-insecure': {
    openapi3: ['Plain http server added: http://api.example.com.', 'after:5 /servers/1'],
    swagger2: ['Plain http server added: http://api.example.com.', 'after:4 /schemes/1'],
  },
  'operation-added-unprotected': {
    openapi3: ['New operation DELETE /pets/{id} requires no authentication.', 'after:26 /paths/~1pets~1{id}/delete'],
    swagger2: ['New operation DELETE /pets/{id} requires no authentication.', 'after:24 /paths/~1pets~1{id}/delete'],
  },
  'limit-removed': {
    openapi3: ['GET /pets/{id}: path parameter "id" lost maxLength.', 'after:20 /paths/~1pets~1{id}/get/parameters/0/schema'],
    swagger2: ['GET /pets/{id}: path parameter "id" lost maxLength.', 'after:18 /paths/~1pets~1{id}/get/parameters/0'],
  },
  'response-removed': {
    openapi3: ['GET /pets/{id} no longer defines a 429 response.', 'after:18 /paths/~1pets~1{id}/get'],
    swagger2: ['GET /pets/{id} no longer defines a 429 response.', 'after:16 /paths/~1pets~1{id}/get'],
  },
  improved: {
    openapi3: ['GET /pets/{id}: path parameter "id" gained maxLength.', 'after:20 /paths/~1pets~1{id}/get/parameters/0/schema'],
    swagger2: ['GET /pets/{id}: path parameter "id" gained maxLength.', 'after:18 /paths/~1pets~1{id}/get/parameters/0'],
  },
};

describe('oasguard diff: the security changes between two versions', () => {
  test('every change kind has its fixture pairs, and nothing else is in fixtures/diff', () => {
    expect(readdirSync(join(REPO_ROOT, FIXTURES)).sort()).toEqual(Object.keys(CHANGE_KINDS).sort());
  });

  describe.each(Object.entries(EXPECTED))('%s', (kind, versions) => {
    test.each(Object.entries(versions))('%s: exactly that change, with its severity and place', async (version, [message, place]) => {
      const result = await pair(kind, version);
      expect(rows(result)).toEqual([[kind, CHANGE_KINDS[kind as ChangeKind].severity, message, place]]);
      // Both places are given for what both versions have.
      const [change] = result.changes;
      if (change.before && change.after) expect(change.before.file).toBe(`${FIXTURES}/${kind}/${version}/before.yaml`);
    });
  });

  test('the reverse of each regression is an improvement', async () => {
    for (const kind of ['operation-made-public', 'scheme-weakened', 'server-insecure', 'response-removed']) {
      const dir = `${FIXTURES}/${kind}/openapi3`;
      const result = await diffPaths(`${dir}/after.yaml`, `${dir}/before.yaml`, { cwd: REPO_ROOT });
      expect(result.changes.map((change) => change.kind)).toEqual(['improved']);
    }
  });

  test('new findings are those the old version did not have; fixed ones are listed with their old place', async () => {
    const result = await pair('scheme-weakened', 'openapi3');
    expect(result.newFindings.map((finding) => [finding.ruleId, finding.file, finding.range.start.line])).toEqual([
      ['no-oauth2-implicit-flow', `${FIXTURES}/scheme-weakened/openapi3/after.yaml`, 12],
    ]);
    expect(result.fixedFindings).toEqual([]);
    const reverse = await diffPaths(`${FIXTURES}/scheme-weakened/openapi3/after.yaml`, `${FIXTURES}/scheme-weakened/openapi3/before.yaml`, {
      cwd: REPO_ROOT,
    });
    expect(reverse.fixedFindings.map((finding) => [finding.ruleId, finding.file, finding.range.start.line])).toEqual([
      ['no-oauth2-implicit-flow', `${FIXTURES}/scheme-weakened/openapi3/after.yaml`, 12],
    ]);
  });

  test('path templates match by shape, and a renamed security scheme is matched by its kind', async () => {
    expect(pathShape('/users/{id}/pets/{petId}')).toBe('/users/{}/pets/{}');
    const dir = mkdtempSync(join(tmpdir(), 'oasguard-diff-'));
    const document = (path: string, scheme: string, flow: string) =>
      [
        'openapi: 3.0.3',
        'info: {title: t, version: "1"}',
        `security: [{${scheme}: []}]`,
        'components:',
        '  securitySchemes:',
        `    ${scheme}:`,
        '      type: oauth2',
        `      flows: {${flow}: {authorizationUrl: "https://a.example.com", tokenUrl: "https://a.example.com/t", scopes: {}}}`,
        'paths:',
        `  ${path}:`,
        '    get:',
        '      responses: {"200": {description: ok}}',
        '',
      ].join('\n');
    writeFileSync(join(dir, 'old.yaml'), document('/users/{id}', 'oauth', 'authorizationCode'));
    // Renamed path parameter and scheme: nothing changed for security.
    writeFileSync(join(dir, 'same.yaml'), document('/users/{userId}', 'OAuth2', 'authorizationCode'));
    writeFileSync(join(dir, 'weaker.yaml'), document('/users/{userId}', 'OAuth2', 'password'));
    expect((await diffPaths('old.yaml', 'same.yaml', { cwd: dir })).changes).toEqual([]);
    expect(rows(await diffPaths('old.yaml', 'weaker.yaml', { cwd: dir }))).toEqual([
      [
        'scheme-weakened',
        'error',
        'Security scheme "OAuth2" offers the OAuth2 password flow.',
        'after:6 /components/securitySchemes/OAuth2',
      ],
    ]);
  });

  test("changes in $ref'd files are placed in those files, and directories pair their documents by path", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'oasguard-diff-'));
    cpSync(join(REPO_ROOT, FIXTURES, 'limit-removed', 'openapi3'), join(dir, 'src'), { recursive: true });
    const api = (file: string) =>
      [
        'openapi: 3.0.3',
        'info: {title: t, version: "1"}',
        'security: [{key: []}]',
        'components: {securitySchemes: {key: {type: apiKey, in: header, name: X-Key}}}',
        'paths:',
        `  /items/{id}: {$ref: "../shared/${file}#/paths/~1pets~1{id}"}`,
        '',
      ].join('\n');
    for (const [version, file] of [
      ['old', 'before.yaml'],
      ['new', 'after.yaml'],
    ]) {
      cpSync(join(dir, 'src', file), join(dir, 'shared', file));
      cpSync(join(dir, 'src', 'before.yaml'), join(dir, version, 'unchanged.yaml'));
      writeFileSync(join(dir, version, 'api.yaml'), api(file));
    }
    const result = await diffPaths('old', 'new', { cwd: dir, root: dir });
    expect(result.documents).toEqual([
      { before: 'old/api.yaml', after: 'new/api.yaml' },
      { before: 'old/unchanged.yaml', after: 'new/unchanged.yaml' },
    ]);
    expect(rows(result)).toEqual([
      [
        'limit-removed',
        'warn',
        'GET /items/{id}: path parameter "id" lost maxLength.',
        'after:20 /paths/~1pets~1{id}/get/parameters/0/schema',
      ],
    ]);
    expect(result.changes[0].after!.file).toBe('shared/after.yaml');
    expect(result.changes[0].before!.file).toBe('shared/before.yaml');
  });

  test('a file only one version has is compared with nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'oasguard-diff-'));
    cpSync(join(REPO_ROOT, FIXTURES, 'operation-added-unprotected', 'openapi3', 'after.yaml'), join(dir, 'new', 'pets.yaml'));
    // The old directory holds no OpenAPI document yet.
    mkdirSync(join(dir, 'old'));
    writeFileSync(join(dir, 'old', 'README.yaml'), 'title: not yet\n');
    const result = await diffPaths('old', 'new', { cwd: dir });
    expect(result.documents).toEqual([{ after: 'new/pets.yaml' }]);
    expect(result.changes.map((change) => [change.kind, change.message])).toEqual([
      ['operation-added-unprotected', 'New operation DELETE /pets/{id} requires no authentication.'],
    ]);
  });
});

describe('oasguard diff: fails closed, reports a shared change once', () => {
  test('a new version that cannot be linted fails, even when the old one failed the same way', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'oasguard-diff-'));
    const broken = 'openapi: 3.0.3\ninfo: {title: t, version: "1"}\npaths: {/x: [unclosed\n';
    writeFileSync(join(dir, 'old.yaml'), broken);
    writeFileSync(join(dir, 'new.yaml'), broken);
    const result = await diffPaths('old.yaml', 'new.yaml', { cwd: dir });
    expect(result.newFindings.map((finding) => [finding.ruleId, finding.severity, finding.file])).toEqual([
      ['parse-error', 'error', 'new.yaml'],
    ]);
  });

  test('a limit removed from a parameter several operations share is one change naming them all', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'oasguard-diff-'));
    const document = (limit: string) =>
      [
        'openapi: 3.0.3',
        'info: {title: t, version: "1"}',
        'security: [{key: []}]',
        'components:',
        '  securitySchemes: {key: {type: apiKey, in: header, name: X-Key}}',
        `  parameters: {Id: {name: id, in: path, required: true, schema: {type: string${limit}}}}`,
        'paths:',
        '  /pets/{id}:',
        '    parameters: [{$ref: "#/components/parameters/Id"}]',
        '    get: {responses: {"200": {description: ok}}}',
        '    delete: {responses: {"204": {description: ok}}}',
        '',
      ].join('\n');
    writeFileSync(join(dir, 'old.yaml'), document(', maxLength: 9'));
    writeFileSync(join(dir, 'new.yaml'), document(''));
    expect(rows(await diffPaths('old.yaml', 'new.yaml', { cwd: dir }))).toEqual([
      [
        'limit-removed',
        'warn',
        'GET /pets/{id}, DELETE /pets/{id}: path parameter "id" lost maxLength.',
        'after:6 /components/parameters/Id/schema',
      ],
    ]);
  });

  test('in an API that requires authentication nowhere, the new operations are one change', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'oasguard-diff-'));
    const document = (paths: string[]) => ({
      openapi: '3.0.3',
      info: { title: 't', version: '1' },
      paths: Object.fromEntries(paths.map((path) => [path, { get: { responses: { '200': { description: 'ok' } } } }])),
    });
    writeFileSync(join(dir, 'old.json'), JSON.stringify(document(['/a'])));
    writeFileSync(join(dir, 'new.json'), JSON.stringify(document(['/a', '/b', '/c', '/d', '/e'])));
    expect(rows(await diffPaths('old.json', 'new.json', { cwd: dir }))).toEqual([
      [
        'operation-added-unprotected',
        'warn',
        '4 new operations require no authentication, as no operation of the API does: GET /b, GET /c, GET /d and 1 more.',
        'after:1 /paths/~1b/get',
      ],
    ]);
  });

  test("docs/diff.md's change kinds are current (regenerate with npm run docs)", () => {
    const onDisk = readFileSync(join(REPO_ROOT, 'docs', 'diff.md'), 'utf8');
    expect(onDisk).toBe(withChangeKinds(onDisk));
    for (const kind of Object.keys(CHANGE_KINDS)) expect(onDisk).toContain(`\n### ${kind}\n`);
  });
});

describe('oasguard diff: each way a regression happens', () => {
  const schemes = {
    oauth: {
      type: 'oauth2',
      flows: {
        authorizationCode: {
          authorizationUrl: 'https://auth.example.com/a',
          tokenUrl: 'https://auth.example.com/t',
          scopes: { read: 'r', write: 'w' },
        },
      },
    },
    key: { type: 'apiKey', in: 'header', name: 'X-Key' },
    bearer: { type: 'http', scheme: 'bearer' },
  };
  const operation = (security: unknown, responses: unknown = { '200': { description: 'ok' } }) => ({ security, responses });
  /** An OpenAPI 3 document (as JSON), with `changes` applied to its parts. */
  const document = (changes: { servers?: unknown; schemes?: Record<string, unknown>; paths?: Record<string, unknown> } = {}) => ({
    openapi: '3.0.3',
    info: { title: 't', version: '1' },
    servers: changes.servers ?? [{ url: 'https://api.example.com' }],
    components: { securitySchemes: { ...schemes, ...changes.schemes } },
    paths: changes.paths ?? { '/x': { get: operation([{ oauth: ['read', 'write'] }]) } },
  });
  const withRateLimits = {
    '200': {
      description: 'ok',
      headers: { RateLimit: { schema: { type: 'string' } }, 'RateLimit-Policy': { schema: { type: 'string' } } },
    },
  };

  test.each([
    [
      'a scope no alternative requires any more',
      { paths: { '/x': { get: operation([{ oauth: ['read'] }]) } } },
      'security-weakened',
      'GET /x no longer requires the scope "write".',
    ],
    [
      'tokens replaced by an API key',
      { paths: { '/x': { get: operation([{ key: [] }]) } } },
      'security-weakened',
      'GET /x accepts weaker credentials: oauth2 to apiKey.',
    ],
    [
      'a server variable that can now make the URL http',
      { servers: [{ url: '{scheme}://api.example.com', variables: { scheme: { default: 'https', enum: ['https', 'http'] } } }] },
      'server-insecure',
      'Server {scheme}://api.example.com can now expand to a plain http URL.',
    ],
    [
      'an API key moved to the query',
      { schemes: { key: { type: 'apiKey', in: 'query', name: 'key' } } },
      'scheme-weakened',
      'Security scheme "key" sends its API key in the query string.',
    ],
    [
      'a scheme turned into HTTP Basic',
      { schemes: { bearer: { type: 'http', scheme: 'basic' } } },
      'scheme-weakened',
      'Security scheme "bearer" uses HTTP Basic.',
    ],
    [
      'an http token URL',
      {
        schemes: {
          oauth: {
            ...schemes.oauth,
            flows: { authorizationCode: { ...schemes.oauth.flows.authorizationCode, tokenUrl: 'http://auth.example.com/t' } },
          },
        },
      },
      'scheme-weakened',
      'Security scheme "oauth" uses the plain http URL http://auth.example.com/t.',
    ],
    [
      'an added operation with weaker credentials than its siblings',
      { paths: { '/x': { get: operation([{ oauth: ['read', 'write'] }]), post: operation([{ key: [] }]) } } },
      'operation-added-unprotected',
      'New operation POST /x accepts weaker credentials (apiKey) than the other operations on its path.',
    ],
  ])('%s', async (_case, changes, kind, message) => {
    const dir = mkdtempSync(join(tmpdir(), 'oasguard-diff-'));
    writeFileSync(join(dir, 'old.json'), JSON.stringify(document()));
    writeFileSync(join(dir, 'new.json'), JSON.stringify(document(changes)));
    const result = await diffPaths('old.json', 'new.json', { cwd: dir });
    expect(result.changes.map((entry) => [entry.kind, entry.message])).toEqual([[kind, message]]);
  });

  test('rate-limit headers removed from success responses', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'oasguard-diff-'));
    writeFileSync(
      join(dir, 'old.json'),
      JSON.stringify(document({ paths: { '/x': { get: operation([{ oauth: [] }], withRateLimits) } } })),
    );
    writeFileSync(join(dir, 'new.json'), JSON.stringify(document({ paths: { '/x': { get: operation([{ oauth: [] }]) } } })));
    const result = await diffPaths('old.json', 'new.json', { cwd: dir });
    expect(result.changes.map((entry) => [entry.kind, entry.message])).toEqual([
      ['response-removed', 'GET /x no longer declares rate-limit headers on its success responses.'],
    ]);
  });
});
