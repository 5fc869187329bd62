import Value from 'typebox/value';
import { RouteTestFile, routeTestJsonSchema } from './src/cli/route-tests/schema.js';
console.log(JSON.stringify(routeTestJsonSchema()).slice(0, 600));
console.log([...Value.Errors(RouteTestFile, { cases: [{ name: 'a', request: { url: 1 }, expect: { gatewayRute: 'x' } }] })].map(e => [e.keyword, e.instancePath, e.message, JSON.stringify(e.params)]));
