import http, { type IncomingHttpHeaders, type IncomingMessage } from 'node:http';
import https from 'node:https';

/** What {@link httpRequest} answers: the status and headers, and the body still to be read. */
export interface RawResponse {
  statusCode: number;
  headers: IncomingHttpHeaders;
  /** The body as it comes off the socket (still encoded); read it, or {@link discard} it. */
  body: IncomingMessage;
}

export interface RawRequestInit {
  method: string;
  headers: Record<string, string>;
  signal: AbortSignal;
}

/**
 * One keep-alive pool per protocol for the process, as `fetch` has its global one: connections
 * are reused across requests (and the audits of a batch); an idle one does not hold the process
 * open (Node's agent unrefs it).
 */
let httpAgent: http.Agent | undefined;
let httpsAgent: https.Agent | undefined;
function agentFor(secure: boolean): http.Agent {
  if (secure) {
    httpsAgent ??= new https.Agent({ keepAlive: true });
    return httpsAgent;
  }
  httpAgent ??= new http.Agent({ keepAlive: true });
  return httpAgent;
}

/**
 * One HTTP exchange with Node's own client (its native llhttp parser, already in the binary).
 * undici's `request` cost as much CPU a request on the bench and, imported, about 18 MB of
 * memory per thread (its JavaScript and its WebAssembly parser); `fetch` cost more CPU still.
 * No redirect is followed and the body is not decoded: the fetcher does both. Rejects on a
 * network error, an abort (`signal`) or a malformed answer (`HPE_*` codes).
 */
export function httpRequest(url: URL, init: RawRequestInit): Promise<RawResponse> {
  const secure = url.protocol === 'https:';
  const agent = agentFor(secure);
  return new Promise((resolve, reject) => {
    // The parts, not the URL object: Node would turn the URL's user and password into an
    // `Authorization` header, which `fetch` never sent from a link.
    const options: https.RequestOptions = {
      protocol: url.protocol,
      // `[::1]` in a URL, `::1` for the socket.
      hostname: url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname,
      port: url.port,
      path: `${url.pathname}${url.search}`,
      method: init.method,
      headers: init.headers,
      agent,
      signal: init.signal,
    };
    let req: http.ClientRequest;
    try {
      req = (secure ? https : http).request(options, (res) =>
        resolve({ statusCode: res.statusCode ?? 0, headers: res.headers, body: res }),
      );
    } catch (e) {
      // A header value Node refuses (a control character) throws before any connection.
      reject(e);
      return;
    }
    req.on('error', reject);
    req.end();
  });
}

/** Lets the rest of a body go (a redirect's, a HEAD's) so the connection returns to the pool. */
export function discard(body: IncomingMessage): void {
  body.on('error', () => {});
  body.resume();
}
