import { lint } from '../../src';
import { project } from '../support/cli';

describe('repeated findings', () => {
  test('are merged across the files of a description split by path, as they are in one file', async () => {
    const pathItem = 'get:\n  responses:\n    "200": {description: ok}\n    "429":\n      description: slow down\n';
    const dir = project({
      'openapi.yaml':
        'openapi: 3.0.3\ninfo: {title: t, version: "1"}\npaths:\n  /a:\n    $ref: paths/a.yaml\n  /b:\n    $ref: paths/b.yaml\n',
      'paths/a.yaml': pathItem,
      'paths/b.yaml': pathItem,
    });
    const { findings } = await lint(['openapi.yaml'], { cwd: dir, onlyRules: ['require-429-details'] });
    const range = { start: { line: 4, column: 11 }, end: { line: 5, column: 29 } };
    const places = ['paths/a.yaml', 'paths/b.yaml'].map((file) => ({
      file,
      pointer: '/get/responses/429',
      range,
      message: '/get/responses/429',
    }));
    expect(
      findings.map(({ ruleId, file, pointer, range: { start }, message, related }) => ({
        ruleId,
        file,
        pointer,
        line: start.line,
        message,
        related,
      })),
    ).toEqual(
      ['The 429 response declares no Retry-After header.', 'The 429 response describes no body.'].map((problem) => ({
        ruleId: 'require-429-details',
        file: 'paths/a.yaml',
        pointer: '/get/responses/429',
        line: 4,
        message: `${problem} Repeated identically in 2 places.`,
        related: places,
      })),
    );
  });
});
