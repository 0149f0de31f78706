import { defineRule } from './define-rule';
import { OperationAt, reportMissingResponses } from './support/gaps';
import { isObject, JsonObject } from './support/openapi';

/** Whether an operation takes input: parameters of its own or of its path item, or a request body. */
function takesInput(operation: JsonObject, pathItem: JsonObject): boolean {
  const hasParameters = (holder: unknown) => isObject(holder) && Array.isArray(holder.parameters) && holder.parameters.length > 0;
  return hasParameters(operation) || hasParameters(pathItem) || isObject(operation.requestBody);
}

export default defineRule({
  id: 'define-400-response',
  severity: 'info',
  description: 'Operations that take input must define a 400 or 422 (or 4XX) response.',
  rationale:
    'Input is rejected by validation, and documenting how makes validation part of the contract: clients can ' +
    'rely on a uniform error body, and reviewers see that the input is checked at all rather than passed through ' +
    'to a backend. Operations without parameters or a request body are not checked. ' +
    'It is an info in the recommended preset: an undocumented error response is a gap in the contract, not a defect on its own; the strict preset makes it an error. ' +
    'When two or more operations lack it and none has it, that is one finding for the document, with the operations listed as related locations.',
  sources: [
    'OWASP API Security Top 10 2023 API8 (Security Misconfiguration): consistent error handling',
    'OWASP Input Validation Cheat Sheet',
    'RFC 9110 §15.5.1 (400 Bad Request)',
  ],
  owasp: 'API8:2023',
  cwe: [20],
  fix: 'Add a `400` (or `422`) response describing validation errors, e.g. with an RFC 9457 problem details body.',
  messages: {
    missing400: 'Operation {{operation}} takes input but defines no 400, 422 or 4XX response.',
    none400: 'None of the {{count}} operations that take input defines a 400, 422 or 4XX response.',
  },
  visit: {
    Document(root, context) {
      const applies = ({ operation, pathItem }: OperationAt) => takesInput(operation, pathItem);
      reportMissingResponses(context, root, applies, ['400', '422', '4XX'], 'missing400', 'none400');
    },
  },
});
