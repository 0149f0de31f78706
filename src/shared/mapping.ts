/** Whether parsed YAML or JSON is a mapping (an object, not an array or null). */
export function isMapping(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
