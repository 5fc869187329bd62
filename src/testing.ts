/**
 * `meshroute/testing` entry: fast-check arbitraries for App Mesh resources and property-test
 * helpers (see src/testing/index.ts). Needs `fast-check` (an optional peer dependency).
 */
export * from './testing/index.js';
