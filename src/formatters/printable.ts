/**
 * Characters a terminal or a CI log acts on rather than shows: C0 controls (line breaks included, which would start
 * a line GitHub Actions reads as a workflow command such as `::add-mask::`), DEL, C1 controls, and the bidirectional
 * formatting characters that reorder what a reader sees (Trojan Source).
 */
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** `text` with every such character written as a visible `\uXXXX` escape: for document content in human-readable output. */
export function printable(text: string): string {
  return text.replace(UNPRINTABLE, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
