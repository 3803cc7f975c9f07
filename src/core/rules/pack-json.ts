import * as z from 'zod';
import { loadRulePack, type RulePack, RulePackError } from './load-pack';

/**
 * A whole rule pack in one JSON file, for the extension's import and `oit-audit rules export`:
 * `{ "ruleset": {...}, "items": { "O1.json": {...}, ... } }` (items may also be an array).
 */
const packJsonSchema = z
  .object({
    ruleset: z.unknown(),
    items: z.union([z.record(z.string(), z.unknown()), z.array(z.unknown())]),
  })
  .strict();

/** Validates a pack given as one JSON value; errors name the item file and field. */
export function packFromJson(json: unknown, shown = 'pack.json'): RulePack {
  const parsed = packJsonSchema.safeParse(json);
  if (!parsed.success) {
    throw new RulePackError(
      `${shown}: expected {"ruleset": {...}, "items": {...}} (a rule pack exported with oit-audit rules export)`,
      shown,
      parsed.error.issues[0]?.path.join('.') || '(root)',
    );
  }
  const { ruleset, items } = parsed.data;
  const files: Record<string, unknown> = Array.isArray(items)
    ? Object.fromEntries(
        items.map((item, i) => {
          const id = (item as { id?: unknown } | null)?.id;
          return [typeof id === 'string' ? `${id}.json` : `item-${i + 1}.json`, item];
        }),
      )
    : items;
  return loadRulePack(shown.replace(/\.json$/, ''), ruleset, files);
}

/** The one-file form of a pack's files. */
export function packToJson(
  ruleset: unknown,
  items: Record<string, unknown>,
): { ruleset: unknown; items: Record<string, unknown> } {
  return { ruleset, items };
}
