/** The seam for rule messages: what Spectral is given instead of a message, and how it is turned back. */
import { cached } from '../shared/cached';

/**
 * Spectral passes function messages through its template engine, which evaluates `#{{...}}` expressions;
 * messages quote document content, so Spectral only ever sees an opaque token and the text stays here.
 */
export class MessageTable {
  private readonly tokens = new Map<string, string>();
  private readonly entries: { messageId: string; message: string }[] = [];

  /** The token Spectral is given instead of `message`; a bound function, to be passed on as a {@link MessageEncoder}. */
  readonly intern: MessageEncoder = (messageId, message) => {
    return cached(this.tokens, `${messageId}\u0000${message}`, () => {
      this.entries.push({ messageId, message });
      return `oasguard-message-${this.entries.length - 1}`;
    });
  };

  /** The message behind a token, or undefined for text that is not one (a message of a Spectral rule). */
  lookup(token: string): { messageId: string; message: string } | undefined {
    const match = /^oasguard-message-(\d+)$/.exec(token);
    return match ? this.entries[Number(match[1])] : undefined;
  }
}

/** How a rule's rendered message is handed to Spectral. */
export type MessageEncoder = (messageId: string, message: string) => string;

/**
 * For Spectral's own CLI, which has no table: a zero-width space between braces keeps quoted `{{...}}` from
 * being evaluated as a template, and reads the same.
 */
export const spectralSafeMessage: MessageEncoder = (_messageId, message) => message.replace(/\{\{/g, '{\u200B{');
