import { AUTHZ_JSON_VERSION, formatAuthz, TOOL_VERSION } from '../../src/index';
import type { AuthzOperation, LintResult } from '../../src/index';
import { SAMPLE } from '../support/results';

const listPets: AuthzOperation = {
  method: 'GET',
  path: '/pets',
  operationId: 'listPets',
  pointer: '/paths/~1pets/get',
  access: 'required',
  inherited: true,
  alternatives: [[{ scheme: 'oauth', type: 'oauth2', scopes: ['pets:read'] }], [{ scheme: 'key', type: 'apiKey', scopes: [] }]],
  flags: ['no-401-403'],
  missingResponses: ['403'],
};
const resetStore: AuthzOperation = {
  method: 'POST',
  path: '/admin/reset',
  pointer: '/paths/~1admin~1reset/post',
  access: 'optional',
  inherited: false,
  alternatives: [[{ scheme: 'key', type: 'apiKey', scopes: [] }], []],
  flags: ['public', 'admin-shares-requirement'],
  sharesWith: 'GET /pets',
};
const RESULT: LintResult = {
  ...SAMPLE,
  files: ['api/openapi.yaml', 'api/broken.yaml'],
  unlinted: [{ file: 'api/broken.yaml', reason: 'parse-error', message: 'Unexpected end of input.' }],
  authorization: [{ file: 'api/openapi.yaml', operations: [listPets, resetStore] }],
};

describe('authorization matrix formats', () => {
  test('text: one aligned row per operation, who may call it, the flags with what they are about, and the documents not analyzed', () => {
    expect(formatAuthz(RESULT, 'text')).toBe(
      [
        'api/openapi.yaml',
        '  GET   /pets         oauth (pets:read) | key  no-401-403 (no 403)',
        '  POST  /admin/reset  key | anyone             public, admin-shares-requirement (like GET /pets)',
        '',
        'api/broken.yaml: not analyzed: Unexpected end of input.',
        '2 operations: 1 callable without credentials, 2 with other flags.',
        '',
      ].join('\n'),
    );
  });

  test('markdown: a table a reviewer can paste into a pull request', () => {
    expect(formatAuthz(RESULT, 'markdown')).toBe(
      [
        '## oasguard authorization matrix',
        '',
        '2 operations: 1 callable without credentials, 2 with other flags.',
        '',
        '### api/openapi.yaml',
        '',
        '| Method | Path | Who may call it | Flags |',
        '| --- | --- | --- | --- |',
        '| GET | /pets | oauth (pets:read) \\| key | no-401-403 (no 403) |',
        '| POST | /admin/reset | key \\| anyone | public, admin-shares-requirement (like GET /pets) |',
        '',
        '- api/broken.yaml: not analyzed: Unexpected end of input.',
        '',
      ].join('\n'),
    );
  });

  test('json: a versioned envelope with every field', () => {
    expect(JSON.parse(formatAuthz(RESULT, 'json'))).toEqual({
      version: AUTHZ_JSON_VERSION,
      tool: { name: 'oasguard', version: TOOL_VERSION },
      documents: RESULT.authorization,
      unanalyzed: RESULT.unlinted,
    });
  });

  test('csv: RFC 4180 with a header row', () => {
    expect(formatAuthz(RESULT, 'csv')).toBe(
      [
        'file,method,path,operationId,access,alternatives,flags,sharesWith',
        'api/openapi.yaml,GET,/pets,listPets,required,oauth (pets:read) | key,no-401-403,',
        'api/openapi.yaml,POST,/admin/reset,,optional,key | ,public admin-shares-requirement,GET /pets',
        '',
      ].join('\r\n'),
    );
  });

  test('document content stays inert: no formulas in a spreadsheet, no cells, HTML or terminal controls', () => {
    const hostile: AuthzOperation = {
      ...listPets,
      path: '=HYPERLINK("http://evil.example","x")',
      alternatives: [[{ scheme: 'a|b<img src=x onerror=alert(1)>\u001b[31m', scopes: ['-1+1', 'x,"y"'] }]],
    };
    const result: LintResult = { ...RESULT, unlinted: [], authorization: [{ file: 'api/openapi.yaml', operations: [hostile] }] };
    const csv = formatAuthz(result, 'csv').split('\r\n')[1];
    expect(csv).toBe(
      `api/openapi.yaml,GET,"'=HYPERLINK(""http://evil.example"",""x"")",listPets,required,"a|b<img src=x onerror=alert(1)>\u001b[31m (-1+1, x,""y"")",no-401-403,`,
    );
    const markdown = formatAuthz(result, 'markdown');
    expect(markdown).toContain('| a\\|b&lt;img src=x onerror=alert(1)>\\\\u001b\\[31m (-1+1, x,"y") |');
    expect(formatAuthz(result, 'text')).toContain('a|b<img src=x onerror=alert(1)>\\u001b[31m');
  });
});
