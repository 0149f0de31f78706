import rule from '../../src/rules/require-input-schema';
import { testRule } from '../support/rule-tester';

const get = '/paths/~1pets/get';
const body = '/paths/~1pets/post/requestBody/content';

testRule(rule, {
  valid: ['pass-oas30.yaml', 'pass-swagger2.yaml'],
  invalid: [
    {
      fixture: 'fail-oas30.yaml',
      findings: [
        {
          messageId: 'parameterWithoutSchema',
          pointer: `${get}/parameters/0/content/application~1json`,
          line: 12,
          message: 'The parameter "filter" declares no schema, so its values are not validated.',
        },
        {
          messageId: 'emptySchema',
          pointer: `${get}/parameters/1/schema`,
          line: 15,
          message: 'The schema of parameter "sort" constrains nothing: it accepts any value.',
        },
        { messageId: 'bodyWithoutSchema', pointer: `${body}/application~1json`, line: 23 },
        { messageId: 'emptySchema', pointer: `${body}/text~1plain/schema`, line: 25 },
      ],
    },
    {
      fixture: 'fail-oas31.yaml',
      findings: [
        { messageId: 'emptySchema', pointer: '/Tag/schema', line: 5, file: 'fixtures/rules/require-input-schema/shared-parameters.yaml' },
      ],
    },
    {
      fixture: 'fail-swagger2.yaml',
      findings: [{ messageId: 'emptySchema', pointer: '/paths/~1pets/post/parameters/0/schema', line: 11 }],
    },
  ],
});
