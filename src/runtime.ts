/**
 * meshroute/runtime — only the zero-dependency runtime: load table bytes, route, explain.
 * For browsers, workers and gateways that ship precompiled tables.
 */
export { MeshrouteError, TableFormatError } from './errors.js';
