// The Node fetcher reads bodies as `fetch` did before it (issue 11 §3 moved it to Node's own
// `http.request`): compressed bodies decoded, the size cap on decoded bytes, a corrupt body a
// non-retriable error, repeated headers joined, connections kept alive between requests.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FetchRequest } from '../../../src/core/types';
import { createNodeFetcher } from '../../../src/node/fetcher';

const PAGE = '<html><body><h1>ข้อมูลพื้นฐาน</h1><p>ปีงบประมาณ พ.ศ. 2568</p></body></html>'.repeat(50);
const BOMB = gzipSync(Buffer.alloc(50 * 1024 * 1024, 0x20));

let server: Server;
let base = '';
const sockets = new Set<unknown>();
const acceptEncodings: string[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    acceptEncodings.push(String(req.headers['accept-encoding'] ?? ''));
    const send = (encoding: string, body: Buffer) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-encoding': encoding });
      res.end(body);
    };
    const page = Buffer.from(PAGE);
    if (req.url === '/gzip') send('gzip', gzipSync(page));
    else if (req.url === '/deflate') send('deflate', deflateSync(page));
    else if (req.url === '/br') send('br', brotliCompressSync(page));
    else if (req.url === '/bomb') send('gzip', BOMB);
    else if (req.url === '/corrupt')
      send(
        'gzip',
        Buffer.concat([gzipSync(page).subarray(0, 10), Buffer.from('not gzip at all, not at all')]),
      );
    else if (req.url === '/cookies') {
      res.setHeader('set-cookie', ['a=1', 'b=2']);
      res.end('ok');
    } else res.end(PAGE);
  });
  server.on('connection', (s) => sockets.add(s));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const fetcher = createNodeFetcher({ allowHost: (h) => h === '127.0.0.1' });
const req = (path: string, maxBytes = 1024 * 1024): FetchRequest => ({
  url: `${base}${path}`,
  timeoutMs: 10_000,
  maxBytes,
  maxRedirects: 5,
});

describe('createNodeFetcher: bodies as sent on the wire', () => {
  it.each(['gzip', 'deflate', 'br'])(
    'decodes a %s body, and asks for the codings it decodes',
    async (coding) => {
      const r = await fetcher.fetch(req(`/${coding}`));
      expect(r.error).toBeUndefined();
      expect(new TextDecoder().decode(r.body)).toBe(PAGE);
      expect(r.truncated).toBe(false);
      expect(acceptEncodings.at(-1)).toBe('gzip, deflate, br');
    },
  );

  it('caps the decoded bytes: a 50 MB gzip bomb of 50 KB is cut at maxBytes', async () => {
    const r = await fetcher.fetch(req('/bomb', 100_000));
    expect(r.error).toBeUndefined();
    expect(r.body.length).toBe(100_000);
    expect(r.truncated).toBe(true);
  });

  it('reports a body that does not decompress as an invalid response', async () => {
    const r = await fetcher.fetch(req('/corrupt'));
    expect(r.error?.code).toBe('invalid-response');
    expect(r.error?.message).toMatch(/while reading the body/);
  });

  it('joins a repeated header with ", " as fetch did', async () => {
    const r = await fetcher.fetch(req('/cookies'));
    expect(r.headers['set-cookie']).toBe('a=1, b=2');
  });

  it('keeps the connection for the next requests', async () => {
    const before = sockets.size;
    for (let i = 0; i < 5; i++) {
      const r = await fetcher.fetch(req('/plain'));
      expect(new TextDecoder().decode(r.body)).toBe(PAGE);
    }
    expect(sockets.size - before).toBeLessThanOrEqual(1);
  });
});

describe('createNodeFetcher: ports of other protocols', () => {
  it('refuses the Fetch standard bad ports (SMTP, SSH...) without connecting, as fetch did', async () => {
    for (const port of [9, 22, 25, 6667]) {
      const r = await fetcher.fetch({ ...req('/'), url: `http://127.0.0.1:${port}/` });
      expect(r.error?.code).toBe('blocked');
      expect(r.error?.message).toContain(`port ${port}`);
    }
    // An ordinary port is fetched.
    expect((await fetcher.fetch(req('/plain'))).status).toBe(200);
  });
});
