import { defineRule } from './define-rule';
import type { JsonObject } from './support/openapi';
import { hasType, reportInputFields } from './support/request-schemas';

const ID = 'require-string-restriction';

/** The keywords that say what a string's content may be, beyond its length. */
const CONTENT_KEYWORDS = ['format', 'pattern', 'enum', 'const'];

/** Whether a string input accepts any text: no format, pattern, enumeration or constant. */
function isUnrestrictedString(schema: JsonObject): boolean {
  return hasType(schema, 'string') && !CONTENT_KEYWORDS.some((keyword) => keyword in schema);
}

export default defineRule({
  id: ID,
  severity: 'warn',
  optIn: true,
  description: 'String inputs must restrict their content: `format`, `pattern`, `enum` or `const`.',
  rationale:
    '`maxLength` bounds how much text a field takes, not what text: a name field without a pattern carries SQL, ' +
    'script or path fragments as readily as a name, and only the backend stands between them and an interpreter. ' +
    'Describing what each string may contain lets the gateway reject the rest (allow-listing). Most APIs have ' +
    'free-text fields by design (comments, descriptions), so this rule is opt-in: on in strict, off in recommended. ' +
    'Only request inputs are checked; read-only schemas are ignored; the unrestricted fields of one input are one ' +
    'finding, and a shared schema is reported once, at its definition.',
  sources: [
    'OWASP API Security Top 10 2023 API8 (Security Misconfiguration): input validation',
    'OWASP Input Validation Cheat Sheet: allow-list validation, regular expressions for structured data',
  ],
  owasp: 'API8:2023',
  cwe: [20],
  fix: 'Add a `format` (`uuid`, `email`, `date-time`…), an anchored `pattern`, or an `enum` listing the accepted values.',
  messages: {
    unrestricted: 'String input has no format, pattern, enum or const: any text is accepted.',
    many: '{{input}} has {{count}} string fields without format, pattern, enum or const: {{places}}.',
  },
  visit: {
    RequestInput(input, context) {
      reportInputFields(context, input, ID, (schema) => (isUnrestrictedString(schema) ? 'unrestricted' : undefined), 'many');
    },
  },
});
