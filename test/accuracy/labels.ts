import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

/** One item's label: what an evaluator reading the site would decide (test/sites/LABELS.md). */
export const itemLabelSchema = z
  .object({
    outcome: z.enum(['pass', 'fail', 'review', 'na']),
    evidence: z.array(z.string()).optional(),
    problems: z.array(z.string()).optional(),
    reason: z.string().min(1),
  })
  .strict();

export const siteLabelsSchema = z
  .object({
    site: z.string(),
    description: z.string().optional(),
    assessmentYear: z.number().int().min(2550).max(2700),
    now: z.string().refine((s) => !Number.isNaN(Date.parse(s)), 'an ISO date'),
    rules: z.string().optional(),
    expectPack: z.string().optional(),
    items: z.record(z.string(), itemLabelSchema),
  })
  .strict();

export type ItemLabel = z.infer<typeof itemLabelSchema>;
export type SiteLabels = z.infer<typeof siteLabelsSchema>;

/** Every `test/sites/<site>/labels.json`, validated; a broken file names itself and the field. */
export function loadAllLabels(sitesDir: string): { dir: string; labels: SiteLabels }[] {
  const out: { dir: string; labels: SiteLabels }[] = [];
  for (const name of readdirSync(sitesDir).sort()) {
    const file = join(sitesDir, name, 'labels.json');
    if (!existsSync(file)) continue;
    const parsed = siteLabelsSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new Error(`${file}: field "${issue?.path.join('.')}": ${issue?.message}`);
    }
    out.push({ dir: join(sitesDir, name), labels: parsed.data });
  }
  return out;
}
