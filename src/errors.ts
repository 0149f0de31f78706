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
