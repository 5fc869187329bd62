// `npm start`: the main job on the bundled example meshes, run through the built CLI (dist/cli.js)
// exactly as a user would run it.
import { spawnSync } from 'node:child_process';

const cli = (args) => {
  console.log(`\n$ meshroute ${args.map((a) => (/[\s'"]/.test(a) ? `'${a}'` : a)).join(' ')}`);
  const r = spawnSync(process.execPath, ['dist/cli.js', ...args], { stdio: 'inherit' });
  if (r.status !== 0) {
    console.error(`meshroute ${args[0]} exited with ${r.status}`);
    process.exit(r.status ?? 1);
  }
};

cli(['validate', 'docs/examples/edge-gateway', 'docs/examples/color-app', 'docs/examples/multi-listener-aws']);
cli(['describe', 'docs/examples/edge-gateway']);

// Sample requests through the edge gateway: the canary header, the default rewrite, the catch-all.
const edge = ['-f', 'docs/examples/edge-gateway'];
cli(['route', ...edge, 'http://shop.example.com/api/v1/data?page=2', '-H', 'x-canary: true', '--explain']);
cli(['route', ...edge, 'http://shop.example.com/api/v1/data?page=2']);
cli(['route', ...edge, 'http://shop.example.com/index.html']);

// The same gateway compiled once to a table file, then routed from the table alone.
cli(['compile', ...edge, '-o', 'dist/edge-gateway.mrt']);
cli(['route', '--table', 'dist/edge-gateway.mrt', 'http://shop.example.com/api/v1/users', '--json']);

// AWS API JSON with several listeners: the listener port picks the routes; gRPC with metadata.
const multi = ['-f', 'docs/examples/multi-listener-aws'];
cli(['describe', 'docs/examples/multi-listener-aws']);
cli(['route', ...multi, 'http://gw.example.com:1111/fruit']);
cli(['route', ...multi, 'http://gw.example.com:2222/anything']);
cli(['route', ...multi, 'http://gw.example.com:3333/helloworld.Greeter/SayHello', '-H', 'device: iphone']);
cli(['route', ...multi, 'http://gw.example.com:1111/other']);

// The whole chain (issue 5): gateway route → virtual service → virtual router route → weighted
// virtual node → endpoint, with the route's timeout and retry policy. The color app's router sends
// color_header requests to blue / green and splits the rest 90/10 between white and white-v2.
const color = ['-f', 'docs/examples/color-app'];
cli(['route', ...color, 'http://color.example.com/color/tell', '-H', 'color_header: blue']);
cli(['route', ...color, 'http://color.example.com/color/tell', '-H', 'color_header: requesting.green.color', '--explain']);
// The 90/10 split: every target with its probability, then reproducible picks with --seed.
cli(['route', ...color, 'http://color.example.com/color/tell', '--all-targets']);
cli(['route', ...color, 'http://color.example.com/color/tell', '--seed', '1']);
cli(['route', ...color, 'http://color.example.com/color/tell', '--seed', '4']);
// Sticky: the same x-request-id always lands on the same version (retries stay on one version).
cli(['route', ...color, 'http://color.example.com/color/tell', '-H', 'x-request-id: 7d3f0c2a-retry-me', '--sticky-key', 'x-request-id']);
// One artifact per gateway: the file holds the router stage too, so the table alone decides.
cli(['compile', ...color, '-o', 'dist/color-gateway.mrt']);
cli(['route', '--table', 'dist/color-gateway.mrt', 'http://color.example.com/color/tell', '--seed', '4', '--json']);

// The seed article: an edge canary at the gateway, virtual node providers, DNS endpoints.
cli(['route', '-f', 'docs/examples/seed-article', 'http://demo.example.com/api/v1/orders']);
cli(['route', '-f', 'docs/examples/seed-article', 'http://demo.example.com/', '--seed', '2']);
// The multi-listener example end to end: the target port picks the router listener.
cli(['route', ...multi, 'http://gw.example.com:1111/fruit', '--json']);
