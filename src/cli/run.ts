import { main } from './main';

// The process entry: wires real streams into `main` and sets the exit code.
const code = await main(process.argv.slice(2), {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  cwd: process.cwd(),
  env: process.env,
  stderrIsTty: Boolean(process.stderr.isTTY),
});
process.exitCode = code;
