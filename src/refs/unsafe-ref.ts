/**
 * The channel by which the resolver tells the engine that a `$ref` was refused as unsafe (reported as `unsafe-ref`)
 * rather than missing (`unresolved-ref`). Spectral passes resolver errors on as message strings only, so the refusal
 * travels as a marked message: this pair is the only code that writes or reads the mark.
 */
const UNSAFE_REF_MARK = 'oasguard-unsafe-ref: ';

/** The error the resolver throws to refuse a `$ref`, with the message users will read. */
export function unsafeRefError(message: string): Error {
  return new Error(`${UNSAFE_REF_MARK}${message}`);
}

/** The message of a refusal made by {@link unsafeRefError}, or undefined for any other resolver message. */
export function unsafeRefMessage(resolverMessage: string): string | undefined {
  return resolverMessage.startsWith(UNSAFE_REF_MARK) ? resolverMessage.slice(UNSAFE_REF_MARK.length) : undefined;
}
