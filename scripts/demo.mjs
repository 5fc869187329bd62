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
