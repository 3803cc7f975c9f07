// Debug aid: `npx tsx test/accuracy/debug-items.mts <site> O7 O9` prints those items of a labelled site's report.
import { loadAllLabels } from './labels';
import { auditLabelledSite } from './run-labelled-site';
const [site, ...ids] = process.argv.slice(2);
const s = loadAllLabels(`${import.meta.dirname}/../sites`).find((x) => x.labels.site === site)!;
const r = await auditLabelledSite(s.dir, s.labels);
for (const id of ids)
  console.log(
    JSON.stringify(
      r.items.find((i) => i.id === id),
      null,
      1,
    ),
  );
