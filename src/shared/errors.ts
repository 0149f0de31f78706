/** A mistake the user can fix (bad flag, missing file, bad ruleset): exit 2, message and hint, no stack. */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly hint?: string,
  ) {
    super(message);
    this.name = 'UsageError';
  }
}

/**
 * An error's message, with those of the errors it gathers: Spectral reports a rule function's crash as an
 * AggregateError whose own message ("Error running Nimma") names neither the rule nor the problem.
 */
export function errorMessage(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  return error instanceof AggregateError && error.errors.length > 0
    ? `${error.message}: ${error.errors.map(errorMessage).join('; ')}`
    : error.message;
}
