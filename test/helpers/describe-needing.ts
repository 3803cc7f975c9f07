import { describe, it } from 'vitest';
import { needPrograms, type ProgramName } from './system-programs';

/**
 * `describe` for a suite that needs system programs: skipped loudly when one is missing, failed
 * with the same message under CI=true (test/helpers/system-programs.ts). The callback receives
 * the programs' absolute paths.
 */
export function describeNeeding(
  programs: ProgramName[],
  title: string,
  fn: (paths: Record<ProgramName, string>) => void,
): void {
  const check = needPrograms(title, programs);
  if (check.failure !== undefined && !check.skip) {
    const failure = check.failure;
    describe(title, () => {
      it(`finds ${programs.join(', ')}`, () => {
        throw new Error(failure);
      });
    });
    return;
  }
  (check.skip ? describe.skip : describe)(title, () => fn(check.paths));
}
