/** Tests are TypeScript, compiled by ts-jest; CLI tests run the built bin (npm test builds first). */
module.exports = {
  preset: 'ts-jest',
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
};
