/** @type {import('jest').Config} */
module.exports = {
	testEnvironment: 'node',
	testMatch: ['<rootDir>/test/**/*.test.ts'],
	transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.test.json' }] },
	testTimeout: 60000,
	// dist/package.json (emitted by tsc) shares the package name with ./package.json: keep it out of jest's module map
	modulePathIgnorePatterns: ['<rootDir>/dist/package\\.json$'],
};
