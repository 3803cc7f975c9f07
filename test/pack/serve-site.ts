/**
 * Serves a fixture site on 127.0.0.1 until killed, printing its URL on the first line of stdout
 * (for install-from-tarball.sh, which audits it with the installed package).
 *
 *   tsx test/pack/serve-site.ts test/sites/agency-gaps
 */
import { resolve } from 'node:path';
import { startSiteServer } from '../helpers/site-server';

const root = resolve(process.argv[2] ?? 'test/sites/agency-gaps');
const server = await startSiteServer({ root });
process.stdout.write(`${server.url}\n`);
const stop = () => void server.close().then(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
