import type { z } from 'zod';
import { assembleRulePack, type PackFileParser, type RulePack } from './assemble-pack';
import { RulePackError } from './rule-pack-error';
import { ruleItemSchema, rulesetSchema } from './schema';

export { itemConfidence, itemNumber, type RulePack, type SubIndicatorDef } from './assemble-pack';
export { RulePackError };

function fail(file: string, error: z.ZodError): never {
  const issue = error.issues[0];
  const field = issue ? issue.path.join('.') || '(root)' : '(root)';
  const message = issue ? issue.message : 'invalid';
  throw new RulePackError(`${file}: field "${field}": ${message}`, file, field);
}

const schemaParser: PackFileParser = {
  ruleset: (file, json) => {
    const parsed = rulesetSchema.safeParse(json);
    if (!parsed.success) fail(file, parsed.error);
    return parsed.data;
  },
  item: (file, json) => {
    const parsed = ruleItemSchema.safeParse(json);
    if (!parsed.success) fail(file, parsed.error);
    return parsed.data;
  },
};

/**
 * Validates a ruleset and its item files against the schema and cross-checks them: every item
 * named in a sub-indicator has a file, every file is named, file name equals id, sub-indicators agree.
 *
 * @param packDir display path used in error messages, e.g. "rules/ita-2562"
 * @param itemFiles map from file name ("O7.json") to parsed JSON
 */
export function loadRulePack(
  packDir: string,
  rulesetJson: unknown,
  itemFiles: Record<string, unknown>,
): RulePack {
  return assembleRulePack(packDir, rulesetJson, itemFiles, schemaParser);
}
