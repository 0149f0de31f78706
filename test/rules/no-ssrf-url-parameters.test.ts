import rule, { namesUrl, takesUrl } from '../../src/rules/no-ssrf-url-parameters';
import { testRule } from '../support/rule-tester';

testRule(rule, {
  valid: ['pass-oas30.yaml'],
  invalid: [
    {
      name: 'link objects in a body describe the API, a callback URL beside them does not',
      code: [
        'openapi: 3.0.3',
        'info: {title: t, version: "1"}',
        'paths:',
        '  /hooks:',
        '    post:',
        '      requestBody:',
        '        content:',
        '          application/json:',
        '            schema:',
        '              type: object',
        '              properties:',
        '                _links: {type: object, properties: {self: {type: object, properties: {href: {type: string}}}}}',
        '                href: {type: string}',
        '                callback_url: {type: string, format: uri}',
        '                callbackMethod: {type: string}',
        '      responses: {"201": {description: ok}}',
        '',
      ].join('\n'),
      findings: [
        {
          messageId: 'urlProperty',
          pointer: '/paths/~1hooks/post/requestBody/content/application~1json/schema/properties/callback_url',
          line: 14,
        },
      ],
    },
    {
      fixture: 'fail-oas30.yaml',
      findings: [
        { messageId: 'urlParameter', pointer: '/paths/~1proxy~1{targetUri}/post/parameters/0/name', line: 9 },
        { messageId: 'urlParameter', pointer: '/paths/~1proxy~1{targetUri}/post/parameters/1/name', line: 14 },
        { messageId: 'urlProperty', pointer: '/components/schemas/Subscription/properties/webhook', line: 31 },
        { messageId: 'urlProperty', pointer: '/components/schemas/Subscription/properties/options/properties/avatar_url', line: 36 },
      ],
    },
    {
      fixture: 'fail-oas31.yaml',
      findings: [
        {
          messageId: 'urlProperty',
          pointer: '/components/requestBodies/Subscribe/content/application~1json/schema/properties/webhookEndpoint',
          line: 21,
        },
      ],
    },
    {
      fixture: 'fail-swagger2.yaml',
      findings: [
        { messageId: 'urlParameter', pointer: '/paths/~1import/post/parameters/0/name', line: 10 },
        { messageId: 'urlProperty', pointer: '/paths/~1subscribe/post/parameters/0/schema/properties/returnHref', line: 24 },
      ],
    },
  ],
});

describe('takesUrl', () => {
  test.each<[string, Record<string, unknown> | undefined]>([
    ['callback_url', { type: 'string' }],
    ['webhook_url', undefined],
    ['redirect_uri', { type: 'string', format: 'uri' }],
    ['StatusCallback', { type: 'string' }],
    ['callback', { type: 'string', format: 'uri' }],
  ])('%s takes a URL', (name, schema) => expect(takesUrl(name, schema)).toBe(true));
  test.each<[string, Record<string, unknown> | undefined]>([
    ['redirect', { type: 'boolean' }],
    ['callback_url', { type: 'string', readOnly: true }],
    ['webhook_url', { type: 'string', enum: ['a', 'b'] }],
    ['redirect_uri', { type: 'integer' }],
    ['callbackMethod', { type: 'string' }],
    ['StatusCallbackEvent', { type: 'string' }],
    ['redirectStatusCode', { type: 'string' }],
    ['callback_method', { type: 'string', format: 'http-method' }],
    ['callback', { type: 'string' }],
    ['jsonp', undefined],
  ])('%s does not', (name, schema) => expect(takesUrl(name, schema)).toBe(false));
});

describe('namesUrl', () => {
  test.each(['url', 'callback', 'callbackUrl', 'redirect_uri', 'webhookEndpoint', 'avatar-url', 'returnHref', 'imageURI', 'REDIRECT'])(
    '%s names a URL input',
    (name) => expect(namesUrl(name)).toBe(true),
  );
  test.each(['curling', 'urlsCount', 'uri_count', 'hrefLang', 'name', 'surly'])('%s does not', (name) =>
    expect(namesUrl(name)).toBe(false),
  );
});
