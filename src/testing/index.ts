/**
 * `meshroute/testing`: fast-check arbitraries for App Mesh resources and helpers for property
 * tests (mutations, JSON-pointer resolution, dialect-independent model comparison). Requires
 * `fast-check` (a peer dependency of this entry only).
 */
export * from './arbitraries/primitives.js';
export * from './arbitraries/specs.js';
export * from './arbitraries/mesh.js';
export * from './arbitraries/mutations.js';
export * from './pointer.js';
export * from './model.js';
export * from './routing.js';
