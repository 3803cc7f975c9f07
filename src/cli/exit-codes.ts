/** Exit codes of `oit-audit` (DESIGN.md §7); documented in the README. */
export const ExitCode = {
  /** Done, and the gate (if any) was met. */
  ok: 0,
  /** A gate failed: below --fail-under, or a --required item not passed. */
  gateFailed: 1,
  /** Usage, configuration or input error. */
  usage: 2,
  /** The site was unreachable or the crawl failed. */
  crawlFailed: 3,
  /** A bug in oit-audit itself (an unexpected exception): not the site's fault, report it. */
  internal: 4,
} as const;

export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode];
