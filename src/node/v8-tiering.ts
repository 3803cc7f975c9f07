/**
 * How eagerly V8 optimises the audit's code. An audit runs three JavaScript threads (the CLI's,
 * the audit's, the page reader's) and V8's compiler threads on what is often two cores. With
 * V8's default, every function warm for a moment is sent to the optimising compiler, in each
 * thread, in the first seconds of the crawl: on the 2,000-page bench site the compiler took
 * about a sixth of the run's CPU, at the very time the crawl ramps up. Checking less often
 * sends only the functions that stay hot: −7% CPU, −3.6% wall time, −3 MB peak memory
 * (alternating runs, README "Benchmark"). Past 16× the checks, the code stayed slow too long.
 */
import { setFlagsFromString } from 'node:v8';

/** Bytecode a function runs between two checks of whether to optimise it: 16 × V8 11's default. */
export const INTERRUPT_BUDGET = 16 * 67_584;

let tuned = false;

/**
 * Sets the budget for this process and the threads it starts later (V8 flags are per process).
 * Only V8 9–13 (Node 16–24) are known to have this flag: elsewhere nothing is set, rather than
 * V8 printing "unrecognized flag" on the user's terminal.
 */
export function tuneTieringForAudits(v8Version: string = process.versions.v8): boolean {
  const major = Number.parseInt(v8Version, 10);
  if (!(major >= 9 && major <= 13)) return false;
  if (!tuned) setFlagsFromString(`--interrupt-budget=${INTERRUPT_BUDGET}`);
  tuned = true;
  return true;
}
