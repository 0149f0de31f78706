import rule, { namesUrl } from '../../src/rules/no-ssrf-url-parameters';
import { testRule } from '../support/rule-tester';

testRule(rule, {
  valid: ['pass-oas30.yaml'],
  invalid: [
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

describe('namesUrl', () => {
  test.each(['url', 'callback', 'callbackUrl', 'redirect_uri', 'webhookEndpoint', 'avatar-url', 'returnHref', 'imageURI', 'REDIRECT'])(
    '%s names a URL input',
    (name) => expect(namesUrl(name)).toBe(true),
  );
  test.each(['curling', 'urlsCount', 'uri_count', 'hrefLang', 'name', 'surly'])('%s does not', (name) =>
    expect(namesUrl(name)).toBe(false),
  );
});
