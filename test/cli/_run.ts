import { runCli } from '../../src/cli/main.js';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in-process with captured output; `stdin` is what `-` reads. */
export function run(argv: string[], stdin = ''): CliRun {
  let stdout = '';
  let stderr = '';
  const code = runCli(argv, { out: (t) => (stdout += t), err: (t) => (stderr += t), readStdin: () => stdin, tty: false });
  return { code, stdout, stderr };
}

/** Reproduction hint printed with a failing assertion. */
export function repro(argv: string[]): string {
  return `reproduce: node dist/cli.js ${argv.map((a) => (/[\s'"]/.test(a) ? JSON.stringify(a) : a)).join(' ')}`;
}
