import rule, { activeContentIn } from '../../src/rules/no-script-in-descriptions';
import { testRule } from '../support/rule-tester';

testRule(rule, {
  valid: ['pass-oas30.yaml'],
  invalid: [
    {
      fixture: 'fail-oas30.yaml',
      findings: [
        {
          messageId: 'activeContent',
          pointer: '/info/description',
          line: 5,
          message: "This description holds a <script> tag, which a developer portal may run in its readers' browsers.",
        },
        { messageId: 'activeContent', pointer: '/paths/~1pets/get/description', line: 10 },
        { messageId: 'activeContent', pointer: '/paths/~1pets/get/responses/200/description', line: 13 },
      ],
    },
    {
      fixture: 'fail-oas31.yaml',
      findings: [
        {
          messageId: 'activeContent',
          pointer: '/Ok/description',
          line: 2,
          file: 'fixtures/rules/no-script-in-descriptions/shared-responses.yaml',
        },
      ],
    },
    {
      fixture: 'fail-swagger2.yaml',
      findings: [{ messageId: 'activeContent', pointer: '/paths/~1pets/get/parameters/0/description', line: 13 }],
    },
  ],
});

describe('activeContentIn', () => {
  test.each([
    ['<SCRIPT src=x></SCRIPT>', 'a <script> tag'],
    ['<svg onload=alert(1)>', 'an inline event handler'],
    ['[x](JavaScript :alert(1))', 'a javascript: URL'],
    ['<a href="javascript:alert(1)">help</a>', 'a javascript: URL'],
  ])('%s holds %s', (text, what) => expect(activeContentIn(text)).toBe(what));
  test.each([
    'Use `<script>` tags sparingly.',
    'Run a report identified as "<module>.<script>".',
    'See the guide to the widget Javascript: https://docs.example.com/.',
    'For embed links, this property contains the HTML code for an <iframe> element.',
    'The onerror= attribute is stripped.',
    'Times are given as hh:mm.',
    'a < b',
  ])('%s holds nothing active', (text) => expect(activeContentIn(text)).toBeUndefined());
});
