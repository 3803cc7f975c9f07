/** How long a finished command waits for what still holds the process before it leaves, ms. */
export const EXIT_GRACE_MS = 2_000;

/**
 * Ends the process with `code` if, `graceMs` after the command finished, something still holds
 * it open while stdout and stderr have nothing left to write. What can: a thread stuck in a
 * system call, which cannot be ended (a PDF reader ended past its time limit while the kernel
 * held it); the report is written by then, and the run must not hang after it. The timer is
 * unref'd, so an ordinary exit is never delayed, and output still draining to a slow reader
 * (`oit-audit report … | less`) is waited for, never cut.
 */
export function leaveWhenDone(code: number, graceMs: number = EXIT_GRACE_MS): void {
  const check = () => {
    if (process.stdout.writableLength > 0 || process.stderr.writableLength > 0) {
      setTimeout(check, 100).unref();
      return;
    }
    process.exit(code);
  };
  setTimeout(check, graceMs).unref();
}
