import { defineRule } from './define-rule';
import { isObject, JsonObject } from './support/openapi';
import { declaredProperties } from './support/request-schemas';
import { toPath, walkDocument } from './support/path-links';

/** Whether a closed member admits a property name anyway: its own `properties` or `patternProperties`. */
function admits(member: JsonObject, name: string): boolean {
  if (isObject(member.properties) && Object.hasOwn(member.properties, name)) return true;
  if (!isObject(member.patternProperties)) return false;
  return Object.keys(member.patternProperties).some((pattern) => {
    try {
      return new RegExp(pattern, 'u').test(name);
    } catch {
      // A pattern JavaScript cannot compile may match: not reported.
      return true;
    }
  });
}

export default defineRule({
  id: 'no-closed-composition-members',
  severity: 'info',
  description: 'An `allOf` member must not set `additionalProperties: false` while other members add properties.',
  rationale:
    '`additionalProperties: false` only sees the properties of the schema object it is in, not those of the other ' +
    '`allOf` members: a closed member rejects every property its siblings (or the composing schema) declare, so ' +
    'the composition rejects valid payloads, or none is valid when a sibling property is required. Generated ' +
    'validators then either fail on correct requests, or teams switch validation off, which is worse. Close the ' +
    'composition instead: `unevaluatedProperties: false` on the composing schema (OpenAPI 3.1), or one flattened ' +
    'schema with all the properties and `additionalProperties: false` (the advice of require-additional-properties-false). ' +
    'It is an info: the fix is a design change, and the mistake surfaces at once in testing.',
  sources: [
    'OWASP API Security Top 10 2023 API3 (Broken Object Property Level Authorization): a closed contract that works',
    'JSON Schema Core: `additionalProperties` applies to the properties of its own schema object only',
  ],
  owasp: 'API3:2023',
  cwe: [1286],
  fix: 'Remove `additionalProperties: false` from the member and close the composing schema with `unevaluatedProperties: false` (3.1), or flatten the composition into one closed schema.',
  messages: {
    closedMember:
      'This allOf member sets additionalProperties: false, so it rejects {{names}}, which the composition also declares: no payload with them is valid.',
  },
  visit: {
    Document(root, context) {
      walkDocument(root, (_key, composing, _parent, link) => {
        if (!isObject(composing) || !Array.isArray(composing.allOf) || composing.allOf.length < 2) return;
        const members = composing.allOf as unknown[];
        members.forEach((member, index) => {
          if (!isObject(member) || member.additionalProperties !== false) return;
          const others = new Set(isObject(composing.properties) ? Object.keys(composing.properties) : []);
          members.forEach((sibling, siblingIndex) => {
            if (siblingIndex !== index && isObject(sibling)) for (const name of declaredProperties(sibling)) others.add(name);
          });
          const rejected = [...others].filter((name) => !admits(member, name));
          if (rejected.length === 0) return;
          const names = rejected.length > 3 ? `${rejected.slice(0, 3).join(', ')} and ${rejected.length - 3} more` : rejected.join(', ');
          context.report('closedMember', { at: toPath({ parent: { parent: link, segment: 'allOf' }, segment: index }), data: { names } });
        });
      });
    },
  },
});
