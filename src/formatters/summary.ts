import { SEVERITIES, Severity } from '../types';
import type { Finding } from '../types';

/** Findings counted per severity; every severity present, in order. */
export function countBySeverity(findings: readonly Finding[]): Record<Severity, number> {
  const counts = Object.fromEntries(SEVERITIES.map((severity) => [severity, 0])) as Record<Severity, number>;
  for (const finding of findings) counts[finding.severity] += 1;
  return counts;
}
