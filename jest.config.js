/**
 * Tests are TypeScript, compiled by ts-jest. Two projects: `unit` calls the library and the CLI in-process and needs
 * nothing built; `integration` runs the built CLI (npm test builds first) in real processes, with pre-commit,
 * Spectral's CLI and TypeScript on the published types. `npm test` runs both; `npm run test:unit` is the fast loop.
 */
const INTEGRATION = ['test/integration/**/*.test.ts', 'test/security/bad-input.test.ts', 'test/security/hostile-repo.test.ts'];
const shared = { preset: 'ts-jest', testEnvironment: 'node', roots: ['<rootDir>/test'] };

module.exports = {
  projects: [
    {
      ...shared,
      displayName: 'unit',
      testMatch: ['**/*.test.ts'],
      testPathIgnorePatterns: ['/test/integration/', '/test/security/(bad-input|hostile-repo)\\.test\\.ts$'],
    },
    { ...shared, displayName: 'integration', testMatch: INTEGRATION.map((pattern) => `<rootDir>/${pattern}`) },
  ],
};
