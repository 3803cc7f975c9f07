// Its own file so the CLI can recognise the error without loading zod and the pack schema.
/** Thrown when a rule file does not match its schema; the message names the file and the field. */
export class RulePackError extends Error {
  constructor(
    message: string,
    readonly file: string,
    readonly field: string,
  ) {
    super(message);
    this.name = 'RulePackError';
  }
}
