/**
 * A second hostile test server (issue 12): each path is a handler written in the test, so a
 * test can redirect to another port, stall, send broken headers or serve generated PDFs. Every
 * request is recorded with its headers, on 127.0.0.1 only.
 */
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Handler = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

export interface HostileServer {
  url: string;
  port: number;
  requests: { path: string; method: string; headers: IncomingHttpHeaders }[];
  /** Requests whose path (without query) is `path`. */
  hits(path: string): number;
  route(path: string, handler: Handler): void;
  close(): Promise<void>;
}

export const html = (body: string, title = 'หน่วยงานทดสอบ') =>
  `<!doctype html><html lang="th"><head><meta charset="utf-8"><title>${title}</title></head><body>${body}</body></html>`;

/** Sends an HTML page. */
export const page =
  (body: string, title?: string): Handler =>
  (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(html(body, title));
  };

/** Sends a redirect. */
export const redirect =
  (location: string, status = 302): Handler =>
  (_req, res) => {
    res.writeHead(status, { location });
    res.end();
  };

/** Sends bytes with a content type. */
export const bytes =
  (data: Uint8Array | string, contentType: string, headers: Record<string, string> = {}): Handler =>
  (_req, res) => {
    res.writeHead(200, { 'content-type': contentType, 'content-length': String(data.length), ...headers });
    res.end(data);
  };

export async function startHostileServer(routes: Record<string, Handler> = {}): Promise<HostileServer> {
  const table = new Map(Object.entries(routes));
  const requests: HostileServer['requests'] = [];
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0] as string;
    requests.push({ path, method: req.method ?? 'GET', headers: req.headers });
    const handler = table.get(path);
    if (!handler) {
      res.writeHead(404, { 'content-type': 'text/html; charset=utf-8' });
      res.end(html('<h1>404</h1>'));
      return;
    }
    Promise.resolve(handler(req, res)).catch(() => res.destroy());
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    requests,
    hits: (path) => requests.filter((r) => r.path === path).length,
    route: (path, handler) => table.set(path, handler),
    close: () =>
      new Promise<void>((r) => {
        server.close(() => r());
        server.closeAllConnections();
      }),
  };
}
