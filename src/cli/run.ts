import { main } from './main';
import { quietOnClosedPipe } from './pipe';

// The process entry: wires real streams into `main` and sets the exit code.
const stdout = quietOnClosedPipe(process.stdout);
const stderr = quietOnClosedPipe(process.stderr);
const code = await main(process.argv.slice(2), {
  stdout,
  stderr,
  cwd: process.cwd(),
  env: process.env,
  stderrIsTty: Boolean(process.stderr.isTTY),
});
process.exitCode = code;
