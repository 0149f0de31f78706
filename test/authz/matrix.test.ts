import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRuleset, lint } from '../../src/index';
import type { AuthzOperation, LoadedRuleset } from '../../src/index';
import { REPO_ROOT } from '../support/rule-tester';

async function matrix(file: string, ruleset?: LoadedRuleset): Promise<AuthzOperation[]> {
  const result = await lint([file], { cwd: REPO_ROOT, ruleset, authorization: true });
  expect(result.authorization?.map((document) => document.file)).toEqual([file]);
  return result.authorization![0].operations;
}

/** A row in short: method, path, who, flags. */
function row(operation: AuthzOperation): [string, string, string[], string[]] {
  const who = operation.alternatives.map((alternative) => alternative.map(({ scheme, scopes }) => [scheme, ...scopes].join(':')).join('+'));
  return [`${operation.method} ${operation.path}`, operation.access, who, operation.flags];
}

describe('the authorization matrix', () => {
  test('of the insecure example: every operation, its alternatives with scopes, and its flags', async () => {
    const operations = await matrix('fixtures/examples/petstore-insecure.yaml');
    expect(operations.map(row)).toEqual([
      ['GET /pets', 'required', ['basicAuth'], ['no-401-403']],
      ['POST /pets', 'required', ['basicAuth', 'petstoreAuth:pets:read', 'sessionCookie'], ['write-with-read-only-scope', 'no-401-403']],
      ['GET /pets/export', 'none', [], ['public']],
      ['POST /admin/stores/{storeId}/reset', 'public', [], ['public']],
      ['DELETE /pets/{petId}', 'required', ['bearerAuth:pets:delete'], ['no-401-403']],
    ]);
    expect(operations[1]).toMatchObject({
      operationId: 'createPet',
      pointer: '/paths/~1pets/post',
      inherited: false,
      missingResponses: ['401', '403'],
      alternatives: [
        [{ scheme: 'basicAuth', type: 'http', scopes: [] }],
        [{ scheme: 'petstoreAuth', type: 'oauth2', scopes: ['pets:read'] }],
        // Not a declared scheme: no type.
        [{ scheme: 'sessionCookie', scopes: [] }],
      ],
    });
  });

  test('names the non-admin operation whose credentials an admin operation accepts', async () => {
    const operations = await matrix('fixtures/rules/require-distinct-admin-security/fail-oas30.yaml');
    const shared = operations.filter((operation) => operation.flags.includes('admin-shares-requirement'));
    expect(shared.map((operation) => [`${operation.method} ${operation.path}`, operation.sharesWith, operation.inherited])).toEqual([
      ['GET /admin/users', 'GET /pets', true],
      ['DELETE /admin/users', 'GET /pets', true],
      ['POST /internal/reindex', 'GET /stores', false],
    ]);
  });

  test("judges by the ruleset's options for the rules that report the same things", async () => {
    const ruleset = createRuleset(
      { extends: ['oasguard:recommended'], rules: { 'require-distinct-admin-security': ['warn', { adminSegments: ['internal'] }] } },
      { name: 'internal only', baseDir: REPO_ROOT },
    );
    const operations = await matrix('fixtures/rules/require-distinct-admin-security/fail-oas30.yaml', ruleset);
    const shared = operations.filter((operation) => operation.flags.includes('admin-shares-requirement'));
    expect(shared.map((operation) => `${operation.method} ${operation.path}`)).toEqual(['POST /internal/reindex']);
  });

  test('of a real description (dev.to), checked against the document itself', async () => {
    const file = 'fixtures/corpus/dev.to.json';
    const document = JSON.parse(readFileSync(join(REPO_ROOT, file), 'utf8')) as {
      paths: Record<string, Record<string, { security?: unknown[] }>>;
    };
    const operations = await matrix(file);
    const declared = Object.entries(document.paths).flatMap(([path, item]) =>
      Object.keys(item)
        .filter((field) => ['get', 'put', 'post', 'delete', 'patch'].includes(field))
        .map((method) => ({ path, method, security: item[method].security })),
    );
    expect(operations.map((operation) => `${operation.method} ${operation.path}`)).toEqual(
      declared.map(({ method, path }) => `${method.toUpperCase()} ${path}`),
    );
    // `security: []` makes an operation public; the others inherit the root's API key.
    declared.forEach(({ security }, index) => {
      const operation = operations[index];
      if (Array.isArray(security) && security.length === 0) expect([operation.access, operation.flags[0]]).toEqual(['public', 'public']);
      else expect(operation.alternatives).toEqual([[{ scheme: 'api-key', type: 'apiKey', scopes: [] }]]);
    });
    // Its one admin operation takes the API key every author has.
    expect(operations.filter((operation) => operation.flags.includes('admin-shares-requirement'))).toMatchObject([
      { method: 'POST', path: '/api/admin/users', sharesWith: 'POST /api/articles' },
    ]);
  });
});
