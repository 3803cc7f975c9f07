/**
 * A static test web server on 127.0.0.1 (random port) with knobs, for fake agency sites.
 *
 * Files under `root` are served (a directory serves its index.html; `/dir` redirects 301 to
 * `/dir/` as real servers do). Knobs on any path: `?status=NNN`, `?delay=ms`, `?redirect=/path`
 * (302), `?retry_after=s` (429 with Retry-After the first time that path+query is asked).
 * `<root>/_routes.json` (merged with `routes`, which win) holds per-path behaviour, keyed by exact
 * path or path + query string; see {@link RouteSpec}. `_routes.json` and `README.md` are never
 * served. Every request is recorded, and the peak number of requests in flight is tracked.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { basename, extname, join, resolve, sep } from 'node:path';

/** Behaviour of one path. */
export interface RouteSpec {
  /** Status to answer (with the file's body, or a small page). With `redirect`, a 3xx to use. */
  status?: number;
  /** Redirect target (relative or absolute), 302 unless `status` is a 3xx. */
  redirect?: string;
  /** Wait this long before answering, ms. */
  delayMs?: number;
  /** File to serve instead of the path, relative to root. */
  file?: string;
  /** Content-Type to send. */
  contentType?: string;
  /** Answer 429 with `Retry-After: <retryAfter>` the first `failTimes` times. */
  retryAfter?: number;
  /** How many times `retryAfter` answers 429 (default 1). */
  failTimes?: number;
  /** Stream this many bytes of filler HTML (chunked), stopping when the client goes away. */
  generateBytes?: number;
  /**
   * An endless calendar: any query, a page linking to the previous and next month
   * (`?month=2568-05` links to `2568-04` and `2568-06`).
   */
  calendar?: true;
  /** Extra response headers. */
  headers?: Record<string, string>;
}

/** Routes keyed by exact path (`/a/b`) or path + query (`/a?b=1`), as in `_routes.json`. */
export type RouteMap = Record<string, RouteSpec>;

export interface RequestRecord {
  /** Path including the query string, as sent. */
  path: string;
  method: string;
  /** Arrival time, ms since epoch. */
  at: number;
  /** Status sent (0 until the head is written). */
  status: number;
  /** The User-Agent header, if any. */
  userAgent?: string;
}

export interface SiteServer {
  /** Base URL without trailing slash, e.g. `http://127.0.0.1:41234`. */
  url: string;
  port: number;
  requests: RequestRecord[];
  /** Requests being answered now. */
  readonly inFlight: number;
  readonly peakInFlight: number;
  /** Clears the request log, the peak and the retry-after counters. */
  resetStats(): void;
  close(): Promise<void>;
}

export interface SiteServerOptions {
  root?: string;
  routes?: RouteMap;
  /** Wait this long before answering any request (a slow host), ms. */
  delayMs?: number;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.pdf': 'application/pdf',
  '.doc': 'application/msword',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.xls': 'application/vnd.ms-excel',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.ppt': 'application/vnd.ms-powerpoint',
  '.pptx': 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  '.odt': 'application/vnd.oasis.opendocument.text',
  '.ods': 'application/vnd.oasis.opendocument.spreadsheet',
  '.zip': 'application/zip',
  '.rar': 'application/vnd.rar',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.svg': 'image/svg+xml',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
};

const HIDDEN_FILES = new Set(['_routes.json', 'readme.md']);

export async function startSiteServer(options: SiteServerOptions = {}): Promise<SiteServer> {
  const root = options.root ? resolve(options.root) : undefined;
  const routes: RouteMap = { ...readRoutesFile(root), ...(options.routes ?? {}) };
  let requests: RequestRecord[] = [];
  let inFlight = 0;
  let peakInFlight = 0;
  const failures = new Map<string, number>();

  const server = createServer((req, res) => {
    const record: RequestRecord = {
      path: req.url ?? '/',
      method: req.method ?? 'GET',
      at: Date.now(),
      status: 0,
      userAgent: req.headers['user-agent'],
    };
    requests.push(record);
    inFlight++;
    peakInFlight = Math.max(peakInFlight, inFlight);
    let closed = false;
    res.on('close', () => {
      closed = true;
      inFlight--;
    });
    const writeHead = res.writeHead.bind(res);
    res.writeHead = ((status: number, ...rest: unknown[]) => {
      record.status = status;
      return (writeHead as (...a: unknown[]) => ServerResponse)(status, ...rest);
    }) as typeof res.writeHead;
    handle(req, res, () => closed).catch((e: unknown) => {
      if (!res.headersSent) {
        // A header set by the failed attempt (content-length...) must not leak into the 500.
        for (const name of res.getHeaderNames()) res.removeHeader(name);
        res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
        res.end(`site-server error: ${String(e)}`);
      } else res.destroy();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse, isClosed: () => boolean): Promise<void> {
    const raw = req.url ?? '/';
    const u = new URL(raw, 'http://127.0.0.1');
    const pathname = u.pathname;
    const pathAndQuery = `${pathname}${u.search}`;
    const route = findRoute(routes, pathname, u.search);
    const q = u.searchParams;
    const head = req.method === 'HEAD';
    const extraHeaders = route?.headers ?? {};

    const delay = Number(q.get('delay') ?? route?.delayMs ?? options.delayMs ?? 0);
    if (delay > 0) await new Promise((r) => setTimeout(r, delay));
    if (isClosed()) return;

    const retryAfter = q.has('retry_after') ? Number(q.get('retry_after')) : route?.retryAfter;
    if (retryAfter !== undefined) {
      const times = q.has('retry_after') ? 1 : (route?.failTimes ?? 1);
      const seen = failures.get(pathAndQuery) ?? 0;
      if (seen < times) {
        failures.set(pathAndQuery, seen + 1);
        const h = {
          'content-type': 'text/html; charset=utf-8',
          'retry-after': String(retryAfter),
          ...extraHeaders,
        };
        send(res, 429, h, page('429', 'ส่งคำขอถี่เกินไป'), head);
        return;
      }
    }

    const redirect = q.get('redirect') ?? route?.redirect;
    if (redirect !== undefined && redirect !== null) {
      const status = route?.status && route.status >= 300 && route.status < 400 ? route.status : 302;
      send(res, status, { location: redirect, ...extraHeaders }, '', head);
      return;
    }

    const status = q.has('status') ? Number(q.get('status')) : (route?.status ?? 200);

    if (route?.generateBytes !== undefined) {
      res.writeHead(status, {
        'content-type': route.contentType ?? 'text/html; charset=utf-8',
        ...extraHeaders,
      });
      if (head) {
        res.end();
        return;
      }
      await streamFiller(res, route.generateBytes, isClosed);
      return;
    }

    if (route?.calendar) {
      const body = calendarPage(pathname, q.get('month'));
      send(
        res,
        status,
        { 'content-type': route.contentType ?? 'text/html; charset=utf-8', ...extraHeaders },
        body,
        head,
      );
      return;
    }

    const file = resolveFile(root, route?.file ?? pathname);
    if (file.kind === 'directory-redirect') {
      send(res, 301, { location: `${pathname}/${u.search}`, ...extraHeaders }, '', head);
      return;
    }
    if (file.kind === 'file') {
      const type =
        route?.contentType ?? CONTENT_TYPES[extname(file.path).toLowerCase()] ?? 'application/octet-stream';
      send(res, status, { 'content-type': type, ...extraHeaders }, readFileSync(file.path), head);
      return;
    }
    if (route || q.has('status')) {
      send(
        res,
        status,
        { 'content-type': route?.contentType ?? 'text/html; charset=utf-8', ...extraHeaders },
        page(String(status), `สถานะ ${status}`),
        head,
      );
      return;
    }
    send(res, 404, { 'content-type': 'text/html; charset=utf-8' }, page('404', 'ไม่พบหน้าที่ต้องการ'), head);
  }

  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const port = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}`,
    port,
    get requests() {
      return requests;
    },
    get inFlight() {
      return inFlight;
    },
    get peakInFlight() {
      return peakInFlight;
    },
    resetStats() {
      requests = [];
      peakInFlight = inFlight;
      failures.clear();
    },
    close() {
      return new Promise<void>((r) => {
        server.close(() => r());
        server.closeAllConnections();
      });
    },
  } as SiteServer;
}

function readRoutesFile(root: string | undefined): RouteMap {
  if (!root) return {};
  const file = join(root, '_routes.json');
  if (!existsSync(file)) return {};
  return JSON.parse(readFileSync(file, 'utf8')) as RouteMap;
}

function findRoute(routes: RouteMap, pathname: string, search: string): RouteSpec | undefined {
  const decoded = safeDecode(pathname);
  return (
    routes[`${pathname}${search}`] ??
    routes[`${decoded}${safeDecode(search)}`] ??
    routes[pathname] ??
    routes[decoded]
  );
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

type ResolvedFile = { kind: 'file'; path: string } | { kind: 'directory-redirect' } | { kind: 'none' };

function resolveFile(root: string | undefined, pathname: string): ResolvedFile {
  if (!root) return { kind: 'none' };
  const rel = safeDecode(pathname);
  const full = resolve(root, `.${rel.startsWith('/') ? rel : `/${rel}`}`);
  if (full !== root && !full.startsWith(root + sep)) return { kind: 'none' };
  if (!existsSync(full)) return { kind: 'none' };
  const st = statSync(full);
  if (st.isDirectory()) {
    if (!pathname.endsWith('/')) return { kind: 'directory-redirect' };
    const index = join(full, 'index.html');
    return existsSync(index) ? { kind: 'file', path: index } : { kind: 'none' };
  }
  if (HIDDEN_FILES.has(basename(full).toLowerCase())) return { kind: 'none' };
  return { kind: 'file', path: full };
}

function send(
  res: ServerResponse,
  status: number,
  headers: Record<string, string>,
  body: string | Buffer,
  head: boolean,
): void {
  const buf = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  res.writeHead(status, { 'content-length': String(buf.length), ...headers });
  res.end(head ? undefined : buf);
}

function page(title: string, text: string): string {
  return `<!doctype html><html lang="th"><head><meta charset="utf-8"><title>${title}</title></head><body><h1>${text}</h1></body></html>`;
}

async function streamFiller(res: ServerResponse, total: number, isClosed: () => boolean): Promise<void> {
  const chunk = Buffer.alloc(64 * 1024, ' ');
  chunk.write(`<p>${'ข้อมูลทดสอบ '.repeat(100)}</p>\n`, 'utf8');
  const opening = Buffer.from(
    '<!doctype html><html lang="th"><head><meta charset="utf-8"><title>ใหญ่</title></head><body>',
  );
  let sent = 0;
  const write = async (buf: Buffer): Promise<boolean> => {
    if (isClosed() || res.destroyed) return false;
    if (!res.write(buf)) {
      await new Promise<void>((r) => {
        const done = () => {
          res.off('drain', done);
          res.off('close', done);
          r();
        };
        res.on('drain', done);
        res.on('close', done);
      });
    }
    return !isClosed() && !res.destroyed;
  };
  const first = opening.subarray(0, Math.min(opening.length, total));
  if (!(await write(first))) return;
  sent += first.length;
  while (sent < total) {
    const piece = chunk.subarray(0, Math.min(chunk.length, total - sent));
    if (!(await write(piece))) return;
    sent += piece.length;
  }
  res.end();
}

const MONTH = /^(\d{4})-(\d{1,2})$/;

function calendarPage(pathname: string, month: string | null): string {
  const m = MONTH.exec(month ?? '') ?? MONTH.exec('2568-01');
  const year = Number(m?.[1]);
  const mon = Number(m?.[2]);
  const shift = (d: number) => {
    const idx = year * 12 + (mon - 1) + d;
    return `${Math.floor(idx / 12)}-${String((idx % 12) + 1).padStart(2, '0')}`;
  };
  const current = shift(0);
  return (
    '<!doctype html><html lang="th"><head><meta charset="utf-8">' +
    `<title>ปฏิทินกิจกรรม ${current}</title></head><body><h1>ปฏิทินกิจกรรม ${current}</h1>` +
    `<a href="${pathname}?month=${shift(-1)}">เดือนก่อนหน้า</a> ` +
    `<a href="${pathname}?month=${shift(1)}">เดือนถัดไป</a>` +
    '</body></html>'
  );
}
