import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SiteServer, startSiteServer } from '../../helpers/site-server';

let dir: string;
let server: SiteServer;

const get = (path: string, init: RequestInit = {}) =>
  fetch(`${server.url}${path}`, { redirect: 'manual', ...init });

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'oit-site-'));
  mkdirSync(join(dir, 'about'));
  mkdirSync(join(dir, 'ข่าว'));
  writeFileSync(join(dir, 'index.html'), '<html><body>หน้าแรก</body></html>');
  writeFileSync(join(dir, 'about', 'index.html'), '<html><body>เกี่ยวกับ</body></html>');
  writeFileSync(join(dir, 'ข่าว', 'ประกาศ.html'), '<html><body>ประกาศ</body></html>');
  writeFileSync(join(dir, 'plan.pdf'), '%PDF-1.4 fake');
  writeFileSync(join(dir, 'README.md'), '# secret notes');
  writeFileSync(
    join(dir, '_routes.json'),
    JSON.stringify({
      '/old': { redirect: '/about/', status: 301 },
      '/busy': { retryAfter: 3, failTimes: 2, file: 'index.html' },
      '/list?page=2': { status: 500 },
      '/calendar': { calendar: true },
      '/legacy.html': {
        file: 'index.html',
        contentType: 'text/html; charset=windows-874',
        headers: { 'X-Test': 'yes' },
      },
    }),
  );
  server = await startSiteServer({ root: dir, routes: { '/extra': { status: 418 } } });
});

afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('site server', () => {
  it('serves files with content types, directories through index.html', async () => {
    const home = await get('/');
    expect(home.status).toBe(200);
    expect(home.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await home.text()).toContain('หน้าแรก');
    const pdf = await get('/plan.pdf');
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    await pdf.arrayBuffer();
    const dirNoSlash = await get('/about');
    expect(dirNoSlash.status).toBe(301);
    expect(dirNoSlash.headers.get('location')).toBe('/about/');
    const thai = await get(`/${encodeURIComponent('ข่าว')}/${encodeURIComponent('ประกาศ')}.html`);
    expect(await thai.text()).toContain('ประกาศ');
  });

  it('never serves _routes.json or README.md, and 404s the unknown', async () => {
    expect((await get('/_routes.json')).status).toBe(404);
    expect((await get('/README.md')).status).toBe(404);
    expect((await get('/nope')).status).toBe(404);
  });

  it('applies the query knobs', async () => {
    expect((await get('/?status=503')).status).toBe(503);
    const r = await get('/?redirect=/about/');
    expect([r.status, r.headers.get('location')]).toEqual([302, '/about/']);
    const first = await get('/?retry_after=2');
    expect([first.status, first.headers.get('retry-after')]).toEqual([429, '2']);
    expect((await get('/?retry_after=2')).status).toBe(200);
    const t0 = Date.now();
    expect((await get('/?delay=60')).status).toBe(200);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(50);
  });

  it('applies _routes.json and passed routes, by path or path + query', async () => {
    const old = await get('/old');
    expect([old.status, old.headers.get('location')]).toEqual([301, '/about/']);
    expect((await get('/busy')).status).toBe(429);
    expect((await get('/busy')).status).toBe(429);
    const ok = await get('/busy');
    expect(ok.status).toBe(200);
    expect(await ok.text()).toContain('หน้าแรก');
    expect((await get('/list?page=2')).status).toBe(500);
    expect((await get('/list?page=3')).status).toBe(404);
    expect((await get('/extra')).status).toBe(418);
    const legacy = await get('/legacy.html');
    expect(legacy.headers.get('content-type')).toBe('text/html; charset=windows-874');
    expect(legacy.headers.get('x-test')).toBe('yes');
  });

  it('generates an endless calendar', async () => {
    const page = await (await get('/calendar?month=2568-12')).text();
    expect(page).toContain('href="/calendar?month=2568-11"');
    expect(page).toContain('href="/calendar?month=2569-01"');
  });

  it('records requests and resets its stats', async () => {
    server.resetStats();
    await (await get('/plan.pdf', { method: 'HEAD' })).arrayBuffer();
    await (await get('/?x=1')).text();
    expect(server.requests.map((r) => [r.method, r.path, r.status])).toEqual([
      ['HEAD', '/plan.pdf', 200],
      ['GET', '/?x=1', 200],
    ]);
    expect(server.peakInFlight).toBeGreaterThanOrEqual(1);
  });
});
