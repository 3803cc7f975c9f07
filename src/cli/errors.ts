import { ExitCode, type ExitCodeValue } from './exit-codes';

/**
 * An error the CLI reports without a stack trace: what is wrong, where, and what to do.
 * `exitCode` follows DESIGN.md §7.
 */
export class CliError extends Error {
  constructor(
    message: string,
    readonly hint?: string,
    readonly exitCode: ExitCodeValue = ExitCode.usage,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

/** Bad flags, bad input files, bad config: exit 2. */
export function usageError(message: string, hint?: string): CliError {
  return new CliError(message, hint, ExitCode.usage);
}
