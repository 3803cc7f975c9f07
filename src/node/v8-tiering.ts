/**
 * How eagerly V8 optimises the audit's code while a crawl ramps up. An audit runs three
 * JavaScript threads (the CLI's, the audit's, the page reader's) and V8's compiler threads on
 * what is often two cores. With V8's default, every function warm for a moment is sent to the
 * optimising compiler, in each thread, in the first seconds of the crawl: on the 2,000-page
 * bench site the compiler took about a sixth of the run's CPU, at the very time the crawl ramps
 * up. Checking 16× less often sends only the functions that stay hot: −7% CPU, −3.6% wall time,
 * −3 MB peak memory (alternating runs; past 16× the code stayed slow too long). Kept for a whole
 * 10,000-page crawl, the same setting cost 15–35% more CPU (code dropped by a deoptimisation
 * waits longer to be optimised again), so V8's default comes back after the ramp's pages, or
 * when the audit ends.
 */
import type { AuditEvent } from '../core/audit';
import { setFlagsFromString } from 'node:v8';

/** Node 20's V8 (11.x) own budget: bytecode a function runs between two checks of its heat. */
const V8_11_BUDGET = 67_584;
/** The budget of the ramp. */
export const RAMP_BUDGET = 16 * V8_11_BUDGET;
/** Pages read before V8's default budget comes back (the ramp is over by 400–500 pages). */
export const RAMP_PAGES = 1_000;

/**
 * Only V8 11 (Node 20), where it was measured and whose default is known: elsewhere nothing is
 * set, rather than V8 printing "unrecognized flag" on the user's terminal or keeping a wrong
 * budget after the ramp.
 */
function known(v8Version: string): boolean {
  return Number.parseInt(v8Version, 10) === 11;
}

/**
 * The ramp's budget, for this process and the threads it starts later (V8 flags are per
 * process): set as an audit's threads start, before the audit itself is known. Whether it was set.
 */
export function tuneTieringForAudits(v8Version: string = process.versions.v8): boolean {
  if (!known(v8Version)) return false;
  setFlagsFromString(`--interrupt-budget=${RAMP_BUDGET}`);
  return true;
}

/** Audits of this process in their ramp (`batch` runs several at once). */
let ramps = 0;

/**
 * An audit's ramp: the ramp's budget until the returned function is called (more calls do
 * nothing). V8's default comes back when no audit of the process is in its ramp any more: a
 * small site that ends early does not cut short the ramp of one that started with it, and an
 * audit past its ramp runs with the ramp's budget only while another is in its own (the budget
 * is the process's), never after the last ramp ends.
 */
export function startTieringRamp(v8Version: string = process.versions.v8): () => void {
  if (!tuneTieringForAudits(v8Version)) return () => {};
  ramps++;
  let ended = false;
  return () => {
    if (ended) return;
    ended = true;
    ramps--;
    if (ramps === 0) setFlagsFromString(`--interrupt-budget=${V8_11_BUDGET}`);
  };
}

/** An audit's progress listener that calls `end` once {@link RAMP_PAGES} pages are read. */
export function rampEnder(end: () => void): (event: AuditEvent) => void {
  let ended = false;
  return (event) => {
    if (ended || event.type !== 'page' || event.pagesFetched < RAMP_PAGES) return;
    ended = true;
    end();
  };
}
