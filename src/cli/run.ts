import { leaveWhenDone } from './leave-when-done';
import { quietOnClosedPipe } from './pipe';
import { auditThreadHintFor } from './start-ahead';

// The process entry: wires real streams into `main` and sets the exit code. An audit's thread
// starts before the command line loads (start-ahead.ts).
const hint = auditThreadHintFor(process.argv.slice(2));
if (hint) (await import('../node/audit-thread-start')).startAuditThreadEarly(hint);
const { main } = await import('./main');
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
leaveWhenDone(code);
