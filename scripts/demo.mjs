// `npm start`: the main job on the bundled example meshes, run through the built CLI (dist/cli.js)
// exactly as a user would run it.
import { spawnSync } from 'node:child_process';

const cli = (args) => {
  console.log(`\n$ meshroute ${args.join(' ')}`);
  const r = spawnSync(process.execPath, ['dist/cli.js', ...args], { stdio: 'inherit' });
  if (r.status !== 0) {
    console.error(`meshroute ${args[0]} exited with ${r.status}`);
    process.exit(r.status ?? 1);
  }
};

cli(['validate', 'docs/examples/edge-gateway', 'docs/examples/color-app', 'docs/examples/multi-listener-aws']);
cli(['describe', 'docs/examples/edge-gateway']);
cli(['describe', 'docs/examples/multi-listener-aws']);
