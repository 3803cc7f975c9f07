// `node --import ./record-pack-reads.mjs …`: appends "<thread id> <file>" to the file named by
// OIT_RECORD_PACK_READS for every bundled pack the compiled CLI reads (dist/cli/packs/<id>.json),
// in every thread (workers run the parent's --import too), so a test can see which thread
// loaded which packs.
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import { threadId } from 'node:worker_threads';

const log = process.env.OIT_RECORD_PACK_READS;
const original = fs.readFileSync;
fs.readFileSync = function readFileSync(path, ...rest) {
  const name = String(path instanceof URL ? path.pathname : path);
  if (log && /\/dist\/cli\/packs\/[^/]+\.json$/.test(name)) {
    fs.appendFileSync(log, `${threadId} ${name.split('/').pop()}\n`);
  }
  return original.call(this, path, ...rest);
};
// The bundle imports `readFileSync` by name: its binding follows only after this.
syncBuiltinESMExports();
