import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.jsonl': 'application/x-ndjson; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.png': 'image/png',
  '.tif': 'image/tiff',
  '.avif': 'image/avif',
  '.wasm': 'application/wasm',
  '.bib': 'application/x-bibtex; charset=utf-8',
  '.ris': 'application/x-research-info-systems; charset=utf-8',
};

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
}

/** Types a static host compresses. */
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.jsonl', '.txt', '.xml', '.svg', '.bib', '.ris']);

/** Serve a built site on a random localhost port, as a static host would. */
export async function serveStatic(root: string, portOrOptions: number | ServeOptions = 0): Promise<StaticServer> {
  const { port = 0, compress = false } = typeof portOrOptions === 'number' ? { port: portOrOptions } : portOrOptions;
  const base = resolve(root);
  const sent = new Map<string, number>();
  const wire = new Map<string, number>();
  const server: Server = createServer((request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    let file = normalize(join(base, pathname));
    if (!file.startsWith(base)) {
      response.writeHead(403).end();
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) {
      if (!pathname.endsWith('/')) {
        response.writeHead(301, { location: `${pathname}/` }).end();
        return;
      }
      file = join(file, 'index.html');
    }
    if (!existsSync(file)) {
      const notFound = join(base, '404.html');
      response.writeHead(404, { 'content-type': TYPES['.html']! });
      if (existsSync(notFound)) createReadStream(notFound).pipe(response);
      else response.end('not found');
      return;
    }
    const size = statSync(file).size;
    sent.set(pathname, (sent.get(pathname) ?? 0) + size);
    if (compress && COMPRESSIBLE.has(extname(file)) && /\bgzip\b/u.test(String(request.headers['accept-encoding'] ?? ''))) {
      const body = gzipSync(readFileSync(file), { level: 6 });
      wire.set(pathname, (wire.get(pathname) ?? 0) + body.length);
      response.writeHead(200, {
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
        'content-encoding': 'gzip',
        'content-length': body.length,
        vary: 'accept-encoding',
      });
      response.end(body);
      return;
    }
    wire.set(pathname, (wire.get(pathname) ?? 0) + size);
    response.writeHead(200, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'content-length': size,
    });
    createReadStream(file).pipe(response);
  });
  await new Promise<void>((done) => server.listen(port, '127.0.0.1', done));
  const { port: actual } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${actual}`,
    sent,
    wire,
    close: () => new Promise((done) => server.close(() => done())),
  };
}
