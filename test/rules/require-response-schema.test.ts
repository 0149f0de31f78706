import rule from '../../src/rules/require-response-schema';
import { testRule } from '../support/rule-tester';

testRule(rule, {
  valid: ['pass-oas30.yaml', 'pass-swagger2.yaml'],
  invalid: [
    {
      // The photo (image/png), the HEAD response and the 204 are exempt.
      fixture: 'fail-oas30.yaml',
      findings: [
        {
          messageId: 'missing',
          pointer: '/paths/~1pets/get/responses/200/content/application~1json',
          line: 12,
          message: 'The 200 response of GET /pets returns application/json without a schema: what it exposes cannot be reviewed.',
        },
        {
          messageId: 'empty',
          pointer: '/PetCreated/content/application~1json/schema',
          line: 5,
          file: 'fixtures/rules/require-response-schema/shared-responses.yaml',
          message: 'The schema of the 201 response (application/json) of POST /pets constrains nothing: any data can be returned.',
        },
      ],
    },
    {
      fixture: 'fail-oas31.yaml',
      findings: [{ messageId: 'empty', pointer: '/paths/~1pets/get/responses/2XX/content/application~1json/schema', line: 13 }],
    },
    {
      // A Swagger 2.0 response without a schema declares no body.
      fixture: 'fail-swagger2.yaml',
      findings: [
        {
          messageId: 'empty',
          pointer: '/paths/~1pets/get/responses/200/schema',
          line: 12,
          message: 'The schema of the 200 response (body) of GET /pets constrains nothing: any data can be returned.',
        },
      ],
    },
  ],
});
