import { formatters } from '../../src/index';
import { finding, SAMPLE } from '../support/results';

const context = { color: false, cwd: '/project' };

describe('github formatter', () => {
  test('one workflow command per finding, errors, warnings and notices, then the summary', () => {
    expect(formatters.github(SAMPLE, context)).toBe(
      [
        '::error file=api/openapi.yaml,line=6,col=10,endLine=6,endColumn=18,title=require-https-servers::Server URL "http://x" uses http://.',
        '::warning file=api/openapi.yaml,line=12,col=17,endLine=14,endColumn=1,title=define-429-response::No 429.',
        '::notice file=api/other.yaml,line=1,col=1,endLine=1,endColumn=5,title=define-401-response::No 401.',
        '::notice file=api/other.yaml,line=1,col=1,endLine=1,endColumn=5,title=parse-error::Hinted.',
        '4 problems (1 error, 1 warning, 1 info, 1 hint) in 2 documents.',
        '',
      ].join('\n'),
    );
  });

  test('escapes what would end or split the command: line breaks and % everywhere, also : and , in properties', () => {
    const tricky = finding({
      ruleId: 'no-secrets-in-examples',
      file: 'specs/a,b:c%.yaml',
      message: '100% "bad"\r\n::error::forged, really',
    });
    const [line] = formatters.github({ ...SAMPLE, findings: [tricky] }, context).split('\n');
    expect(line).toBe(
      '::error file=specs/a%2Cb%3Ac%25.yaml,line=1,col=1,endLine=1,endColumn=5,title=no-secrets-in-examples::100%25 "bad"%0D%0A::error::forged, really',
    );
  });

  test('a clean run prints only the summary', () => {
    expect(formatters.github({ ...SAMPLE, findings: [] }, context)).toBe('No problems found in 2 documents.\n');
  });
});
