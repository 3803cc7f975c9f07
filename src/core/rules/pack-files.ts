/** A pack as its files hold it, before validation: ruleset.json and items/<file>.json by file name. */
export interface PackFiles {
  ruleset: unknown;
  items: Record<string, unknown>;
}
