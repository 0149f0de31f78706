import { defineRule, RuleContext } from './define-rule';
import { acceptsAnything, asText, BINARY_MEDIA, isObject, isSwagger2 } from './support/openapi';

type MessageId = 'parameterWithoutSchema' | 'bodyWithoutSchema' | 'emptySchema';

/** Reports a missing or empty schema at `at` (the input's `schema` member, or the input itself when there is none). */
function checkSchema(
  schema: unknown,
  at: (string | number)[],
  input: string,
  context: RuleContext<undefined, MessageId>,
  missing: MessageId,
): void {
  if (!isObject(schema)) context.report(missing, { at: at.slice(0, -1), data: { input } });
  else if (acceptsAnything(schema)) context.report('emptySchema', { at, data: { input } });
}

export default defineRule<undefined, MessageId>({
  id: 'require-input-schema',
  severity: 'warn',
  description: 'Every parameter and request body must declare a schema that constrains it.',
  rationale:
    'Input without a schema is not validated: it reaches the backend as sent, and every limit the other rules ' +
    'ask for (lengths, ranges, closed objects) is missing with it. Checked: the media types of OpenAPI 3 parameters ' +
    "and request bodies, and Swagger 2.0 body parameters (a parameter with no schema at all is invalid-openapi's " +
    'to report). A schema that constrains nothing (`{}`, or only a description or example) counts as none. Request ' +
    'bodies whose media type is bytes by nature (`application/octet-stream`, `image/*`, `audio/*`, `video/*`, ' +
    'fonts, PDF, office documents and archives) are not judged: they are bytes, whatever the schema says.',
  sources: [
    'OWASP API Security Top 10 2023 API8 (Security Misconfiguration): input validation',
    'OWASP API Security Top 10 2023 API4 (Unrestricted Resource Consumption)',
    'OWASP Input Validation Cheat Sheet: define what is allowed',
  ],
  owasp: 'API8:2023',
  cwe: [20, 1284],
  fix: 'Declare a `schema` with a `type` (and its bounds) for the parameter or media type.',
  messages: {
    parameterWithoutSchema: 'The {{input}} declares no schema, so its values are not validated.',
    bodyWithoutSchema: 'The {{input}} declares no schema, so it is not validated.',
    emptySchema: 'The schema of {{input}} constrains nothing: it accepts any value.',
  },
  visit: {
    Parameter(parameter, context) {
      // A parameter with neither `schema` nor `content` (nor a Swagger 2.0 `type`) is invalid-openapi's to report.
      const name = `parameter "${asText(parameter.name)}"`;
      if (isSwagger2(context.root)) {
        if (parameter.in === 'body') checkSchema(parameter.schema, ['schema'], name, context, 'parameterWithoutSchema');
      } else if (isObject(parameter.content)) {
        for (const [mediaType, media] of Object.entries(parameter.content)) {
          checkSchema(
            isObject(media) ? media.schema : undefined,
            ['content', mediaType, 'schema'],
            name,
            context,
            'parameterWithoutSchema',
          );
        }
      } else if (isObject(parameter.schema)) {
        checkSchema(parameter.schema, ['schema'], name, context, 'parameterWithoutSchema');
      }
    },
    RequestBodyContent(media, context) {
      const mediaType = String(context.path[context.path.length - 1]);
      if (BINARY_MEDIA.test(mediaType)) return;
      checkSchema(media.schema, ['schema'], `request body ${mediaType}`, context, 'bodyWithoutSchema');
    },
  },
});
