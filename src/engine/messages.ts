/** The seam for rule messages: what Spectral is given instead of a message, and how it is turned back. */
import { cached } from '../shared/cached';
import type { Severity } from '../shared/types';
import type { ISpectralDiagnostic } from '../stoplight';

/**
 * Spectral passes function messages through its template engine, which evaluates `#{{...}}` expressions;
 * messages quote document content, so Spectral only ever sees an opaque token and the text stays here.
 */
export class MessageTable {
  private readonly tokens = new Map<string, string>();
  private readonly entries: InternedMessage[] = [];

  /** The token Spectral is given instead of `message`; a bound function, to be passed on as a {@link MessageEncoder}. */
  readonly intern: MessageEncoder = (messageId, message, extras) => {
    const key = extras === undefined ? `${messageId}\u0000${message}` : JSON.stringify([messageId, message, extras]);
    return cached(this.tokens, key, () => {
      this.entries.push({ messageId, message, ...extras });
      return `oasguard-message-${this.entries.length - 1}`;
    });
  };

  /** The message behind a token, or undefined for text that is not one (a message of a Spectral rule). */
  lookup(token: string): InternedMessage | undefined {
    const match = /^oasguard-message-(\d+)$/.exec(token);
    return match ? this.entries[Number(match[1])] : undefined;
  }
}

/** A place a finding is about, placed as Spectral places findings: in the file it is written in. */
export interface RelatedPath {
  /** The file, when Spectral knows it. */
  source?: string;
  path: (string | number)[];
  range: ISpectralDiagnostic['range'];
  message: string;
}

/** What a finding carries besides its message: the places it stands for, and the most severe it may be. */
export interface MessageExtras {
  related?: RelatedPath[];
  atMost?: Severity;
}

/** A rule's message as the engine gets it back. */
export interface InternedMessage extends MessageExtras {
  messageId: string;
  message: string;
}

/** How a rule's rendered message (and what the finding carries besides) is handed to Spectral. */
export type MessageEncoder = (messageId: string, message: string, extras?: MessageExtras) => string;

/**
 * For Spectral's own CLI, which has no table: a zero-width space between braces keeps quoted `{{...}}` from
 * being evaluated as a template, and reads the same.
 */
export const spectralSafeMessage: MessageEncoder = (_messageId, message) => message.replace(/\{\{/g, '{\u200B{');
