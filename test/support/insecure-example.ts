/**
 * What the bundled insecure example (fixtures/examples/petstore-insecure.yaml) reports, in one place for every test
 * that counts it: adding a rule adds a finding to the example (test/examples.test.ts checks that each rule fires).
 */
export const INSECURE_COUNTS = { error: 10, warn: 20, info: 13, hint: 1 };
export const INSECURE_TOTAL = Object.values(INSECURE_COUNTS).reduce((sum, count) => sum + count);
/** Under the strict preset, which also runs the opt-in rules. */
export const INSECURE_STRICT_TOTAL = 49;

/** The text report's summary line for the example, up to " in N document(s).", as a pattern source. */
export const INSECURE_SUMMARY =
  `${INSECURE_TOTAL} problems \\(${INSECURE_COUNTS.error} errors, ${INSECURE_COUNTS.warn} warnings, ` +
  `${INSECURE_COUNTS.info} infos, ${INSECURE_COUNTS.hint} hint\\)`;
