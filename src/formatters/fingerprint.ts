import { createHash } from 'node:crypto';
import type { Finding } from '../shared/types';

/**
 * A fingerprint per finding, in order, that survives edits elsewhere in the file: a hash of rule id, file and
 * JSON pointer (never the line), plus `:n` counting findings that share them, as GitHub's own line hashes do.
 */
export function fingerprints(findings: readonly Finding[]): string[] {
  const occurrences = new Map<string, number>();
  return findings.map((finding) => {
    const hash = createHash('sha256').update(`${finding.ruleId}\0${finding.file}\0${finding.pointer}`).digest('hex').slice(0, 32);
    const occurrence = (occurrences.get(hash) ?? 0) + 1;
    occurrences.set(hash, occurrence);
    return `${hash}:${occurrence}`;
  });
}
