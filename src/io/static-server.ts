import { execFileSync } from 'node:child_process';
import { createReadStream, existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createSecureServer, type Http2SecureServer, type Http2ServerRequest, type Http2ServerResponse } from 'node:http2';
import type { AddressInfo, Socket } from 'node:net';
import { extname, join, normalize, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

/**
 * A built site served as a static host serves it, on a random localhost port: for the browser
 * tests, the screenshots and page weights (HTTP/1.1), and the search evaluation (HTTPS and
 * HTTP/2 with gzip, see `serveHttp2`). One request handler and one table of types for both.
 */

/** Content types by file ending, and whether a static host compresses the file. */
const TYPES: Record<string, { type: string; compress: boolean }> = {
  '.html': { type: 'text/html; charset=utf-8', compress: true },
  '.js': { type: 'text/javascript; charset=utf-8', compress: true },
  '.mjs': { type: 'text/javascript; charset=utf-8', compress: true },
  '.css': { type: 'text/css; charset=utf-8', compress: true },
  '.json': { type: 'application/json; charset=utf-8', compress: true },
  '.jsonl': { type: 'application/x-ndjson; charset=utf-8', compress: true },
  '.txt': { type: 'text/plain; charset=utf-8', compress: true },
  '.xml': { type: 'application/xml; charset=utf-8', compress: true },
  '.svg': { type: 'image/svg+xml', compress: true },
  '.bib': { type: 'application/x-bibtex; charset=utf-8', compress: true },
  '.ris': { type: 'application/x-research-info-systems; charset=utf-8', compress: true },
  '.jpg': { type: 'image/jpeg', compress: false },
  '.jpeg': { type: 'image/jpeg', compress: false },
  '.png': { type: 'image/png', compress: false },
  '.tif': { type: 'image/tiff', compress: false },
  '.webp': { type: 'image/webp', compress: false },
  '.avif': { type: 'image/avif', compress: false },
  '.ico': { type: 'image/x-icon', compress: false },
  '.woff2': { type: 'font/woff2', compress: false },
  // Pagefind's WebAssembly and index files are gzip already
  '.wasm': { type: 'application/wasm', compress: false },
};
const OTHER = { type: 'application/octet-stream', compress: false };

/** The content type a file is served with. */
export function contentType(file: string): string {
  return (TYPES[extname(file)] ?? OTHER).type;
}

export interface StaticServer {
  url: string;
  /** Bytes sent per path since the last reset, for transfer measurements (file sizes). */
  sent: Map<string, number>;
  /** Bytes on the wire per path since the last reset: as `sent`, or compressed when `compress` is on. */
  wire: Map<string, number>;
  close(): Promise<void>;
}

export interface ServeOptions {
  port?: number;
  /**
   * Compress text (HTML, JS, CSS, JSON, SVG, XML, plain text) with gzip (level 6) for clients
   * that accept it, as static hosts do; files that are gzip already (Pagefind's index files and
   * WebAssembly) go as they are. Off by default.
   */
  compress?: boolean;
  /**
   * Serve HTTPS and HTTP/2 (HTTP/1.1 is still accepted) with a self-signed certificate for
   * 127.0.0.1, made with `openssl` once and kept in this folder; the browser must ignore HTTPS
   * errors. Off by default (plain HTTP/1.1).
   */
  http2?: { certificateDir: string };
}

type Request = IncomingMessage | Http2ServerRequest;
type Response = ServerResponse | Http2ServerResponse;

/** The one request handler: files below `base`, `index.html` for folders, `404.html` when missing. */
function handler(base: string, compress: boolean, sent: Map<string, number>, wire: Map<string, number>) {
  const count = (map: Map<string, number>, path: string, bytes: number) => map.set(path, (map.get(path) ?? 0) + bytes);
  return (request: Request, response: Response): void => {
    // the two response types share these methods; TypeScript cannot call a union of overloads
    const res = response as ServerResponse;
    const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    let file = normalize(join(base, pathname));
    if (!file.startsWith(base)) {
      res.writeHead(403).end();
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) {
      if (!pathname.endsWith('/')) {
        res.writeHead(301, { location: `${pathname}/` }).end();
        return;
      }
      file = join(file, 'index.html');
    }
    if (!existsSync(file)) {
      const notFound = join(base, '404.html');
      res.writeHead(404, { 'content-type': contentType(notFound) });
      if (existsSync(notFound)) createReadStream(notFound).pipe(res);
      else res.end('not found');
      return;
    }
    const size = statSync(file).size;
    count(sent, pathname, size);
    const { type, compress: compressible } = TYPES[extname(file)] ?? OTHER;
    if (compress && compressible && /\bgzip\b/u.test(String(request.headers['accept-encoding'] ?? ''))) {
      const body = gzipSync(readFileSync(file), { level: 6 });
      count(wire, pathname, body.length);
      res.writeHead(200, { 'content-type': type, 'content-encoding': 'gzip', 'content-length': body.length, vary: 'accept-encoding' });
      res.end(body);
      return;
    }
    count(wire, pathname, size);
    res.writeHead(200, { 'content-type': type, 'content-length': size });
    createReadStream(file).pipe(res);
  };
}

/** A self-signed certificate for 127.0.0.1, made once. */
function certificate(dir: string): { key: Buffer; cert: Buffer } {
  mkdirSync(dir, { recursive: true });
  const key = join(dir, 'key.pem');
  const cert = join(dir, 'cert.pem');
  if (!existsSync(key) || !existsSync(cert)) {
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '30', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1'], { stdio: 'ignore' });
  }
  return { key: readFileSync(key), cert: readFileSync(cert) };
}

/** Serve a built site on a random localhost port (or `port`), as a static host would. */
export async function serveStatic(root: string, portOrOptions: number | ServeOptions = 0): Promise<StaticServer> {
  const { port = 0, compress = false, http2 } = typeof portOrOptions === 'number' ? { port: portOrOptions } : portOrOptions;
  const sent = new Map<string, number>();
  const wire = new Map<string, number>();
  const handle = handler(resolve(root), compress, sent, wire);
  const server: Server | Http2SecureServer = http2 ? createSecureServer({ ...certificate(http2.certificateDir), allowHTTP1: true }, handle) : createServer(handle);
  // HTTP/2 sessions stay open until their connection ends: end them all on close
  const sockets = new Set<Socket>();
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  await new Promise<void>((done) => server.listen(port, '127.0.0.1', done));
  const { port: actual } = server.address() as AddressInfo;
  return {
    url: `${http2 ? 'https' : 'http'}://127.0.0.1:${actual}`,
    sent,
    wire,
    close: () =>
      new Promise((done) => {
        server.close(() => done());
        if (http2) for (const socket of sockets) socket.destroy();
      }),
  };
}

/**
 * The search evaluation's host: HTTPS and HTTP/2, text compressed with gzip, as static hosts
 * serve sites today. Over HTTP/1.1 a browser opens at most six connections to a host, so the 20
 * result fragments of a page would come in waves that no real host makes them wait for.
 */
export function serveHttp2(root: string, certificateDir: string): Promise<StaticServer> {
  return serveStatic(root, { compress: true, http2: { certificateDir } });
}
