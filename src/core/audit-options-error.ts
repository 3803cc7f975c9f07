/** An audit that could not run: bad options or an unknown rule pack (exit 2). */
export class AuditOptionsError extends Error {
  override readonly name = 'AuditOptionsError';
  constructor(
    message: string,
    readonly field: string,
  ) {
    super(message);
  }
}
