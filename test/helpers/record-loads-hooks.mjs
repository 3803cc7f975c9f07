// Module hooks (they run on Node's loader thread) registered by record-loads.mjs.
import { appendFileSync } from 'node:fs';

export async function load(url, context, nextLoad) {
  if (process.env.OIT_RECORD_LOADS) appendFileSync(process.env.OIT_RECORD_LOADS, `${url}\n`);
  return nextLoad(url, context);
}
