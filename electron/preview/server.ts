import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import { withShiftColumns } from '../../shared/ipc/wire-shifts';
import type { Dispatch } from '../handlers/dispatch';
import { CONTENT_SECURITY_POLICY } from '../main/window-options';

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
};

const MAX_BODY_BYTES = 64 * 1024 * 1024;
// Bodies from this size are sent gzipped to a browser that takes gzip: a big plan's JSON shrinks about tenfold.
const GZIP_FROM_BYTES = 8 * 1024;
// The build names its chunks after their content (`assets/index-B2kB8x1q.js`): such a file never changes.
const HASHED_ASSET = /^assets\/[^/]+-[A-Za-z0-9_-]{8,}\.(js|css|woff2|svg|png)$/;
const TOKEN_COOKIE = 'rotaplan_token';

export type PreviewServer = { url: string; token: string; port: number; close: () => Promise<void> };

export type PreviewOptions = {
  /** The built renderer (out/renderer). */
  rendererDir: string;
  dispatch: Dispatch;
  port?: number;
  /** Fixed token for tests; a random one per launch otherwise. */
  token?: string;
};

function sameToken(a: string | undefined, b: string): boolean {
  if (!a) return false;
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function cookieToken(req: IncomingMessage): string | undefined {
  const header = req.headers.cookie ?? '';
  for (const part of header.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === TOKEN_COOKIE) return rest.join('=');
  }
  return undefined;
}

/**
 * The body as the browser asked for it: gzipped (level 1: fast, and most of the gain) when it is big and the request
 * accepts gzip, else as it is. Why: handing a big plan from this server to the page uncompressed was slow (bench/ui).
 */
function encoded(
  req: IncomingMessage,
  body: string | Buffer,
  headers: Record<string, string>,
): string | Buffer {
  const bytes = typeof body === 'string' ? Buffer.byteLength(body) : body.length;
  if (bytes < GZIP_FROM_BYTES || !/\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) return body;
  headers['Content-Encoding'] = 'gzip';
  headers.Vary = 'Accept-Encoding';
  return gzipSync(body, { level: 1 });
}

function send(
  req: IncomingMessage,
  res: ServerResponse,
  status: number,
  body: string,
  type = 'text/plain; charset=utf-8',
): void {
  const headers: Record<string, string> = {
    'Content-Type': type,
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
  };
  const out = encoded(req, body, headers);
  res.writeHead(status, headers);
  res.end(out);
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new Error('request body too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * The browser preview: serves the built renderer and routes the IPC contract over HTTP to the same dispatcher
 * (same handlers, same store, same file) Electron main uses. Bound to 127.0.0.1; every request needs the per-launch
 * token (in the `?token=` of the first page load, then an HttpOnly SameSite=Strict cookie, or the
 * `x-rotaplan-token` header), and IPC calls from another Origin are refused.
 */
export async function startPreviewServer(options: PreviewOptions): Promise<PreviewServer> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const root = normalize(options.rendererDir);

  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const queryToken = url.searchParams.get('token') ?? undefined;
      const presented =
        (req.headers['x-rotaplan-token'] as string | undefined) ?? cookieToken(req) ?? queryToken;
      if (!sameToken(presented, token)) {
        send(req, res, 403, 'Forbidden: this preview needs the token printed when it started.');
        return;
      }
      if (url.pathname.startsWith('/ipc/')) {
        if (req.method !== 'POST') return send(req, res, 405, 'IPC calls are POST requests.');
        if (req.headers.origin !== undefined && req.headers.origin !== origin) {
          return send(req, res, 403, `Forbidden: IPC from origin ${req.headers.origin} is refused.`);
        }
        const channel = decodeURIComponent(url.pathname.slice('/ipc/'.length));
        let payload: unknown;
        try {
          const body = await readBody(req);
          payload = body === '' ? {} : JSON.parse(body);
        } catch (error) {
          const result = {
            ok: false,
            error: { code: 'bad-payload', message: `Refused ${channel}: ${(error as Error).message}` },
          };
          return send(req, res, 200, JSON.stringify(result), MIME['.json']);
        }
        const result = await options.dispatch(channel, payload);
        // Plans travel with their shifts as columns (see wire-shifts.ts); the page's transport turns them back.
        const wire = result.ok ? { ...result, value: withShiftColumns(result.value) } : result;
        return send(req, res, 200, JSON.stringify(wire), MIME['.json']);
      }
      if (req.method !== 'GET' && req.method !== 'HEAD') return send(req, res, 405, 'Method not allowed.');
      const relative =
        url.pathname === '/' ? 'index.html' : decodeURIComponent(url.pathname).replace(/^\/+/, '');
      const file = normalize(join(root, relative));
      if (file !== root && !file.startsWith(root + sep)) return send(req, res, 404, 'Not found.');
      let body: Buffer;
      try {
        if (!(await stat(file)).isFile()) return send(req, res, 404, 'Not found.');
        body = await readFile(file);
      } catch {
        return send(req, res, 404, 'Not found.');
      }
      const headers: Record<string, string> = {
        'Content-Type': MIME[extname(file)] ?? 'application/octet-stream',
        // Content-named chunks are kept by the browser (and its compiled-code cache); the page itself never is.
        'Cache-Control': HASHED_ASSET.test(relative) ? 'public, max-age=31536000, immutable' : 'no-store',
        'X-Content-Type-Options': 'nosniff',
        'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      };
      if (queryToken) headers['Set-Cookie'] = `${TOKEN_COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/`;
      const out = encoded(req, body, headers);
      res.writeHead(200, headers);
      res.end(req.method === 'HEAD' ? undefined : out);
    } catch (error) {
      send(req, res, 500, `Preview error: ${(error as Error).message}`);
    }
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    token,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
