import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { createSecureServer, type Http2SecureServer, type Http2ServerRequest, type Http2ServerResponse } from 'node:http2';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { StaticServer } from './static-server.ts';

/**
 * The evaluation's host: a static site over HTTPS and HTTP/2, text compressed with gzip (level
 * 6), as static hosts serve sites today. Over HTTP/1.1 a browser opens at most six connections
 * to a host, so the 20 result fragments of a page would come in waves that no real host makes
 * them wait for. The certificate is self-signed (made with `openssl`, kept in `dir`); the browser
 * context must ignore HTTPS errors. Counts bytes like src/io/static-server.ts.
 */

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.wasm': 'application/wasm',
};
const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.json', '.svg', '.txt', '.xml']);

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

/** Serve a built site over HTTPS and HTTP/2 on a random localhost port. */
export async function serveHttp2(root: string, dir: string): Promise<StaticServer> {
  const base = resolve(root);
  const sent = new Map<string, number>();
  const wire = new Map<string, number>();
  const server: Http2SecureServer = createSecureServer({ ...certificate(dir), allowHTTP1: true }, (request: Http2ServerRequest, response: Http2ServerResponse) => {
    const pathname = decodeURIComponent(new URL(request.url ?? '/', 'https://x').pathname);
    let file = normalize(join(base, pathname));
    if (!file.startsWith(base)) {
      response.writeHead(403).end();
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) {
      response.writeHead(404).end();
      return;
    }
    const bytes = readFileSync(file);
    sent.set(pathname, (sent.get(pathname) ?? 0) + bytes.length);
    const type = TYPES[extname(file)] ?? 'application/octet-stream';
    if (COMPRESSIBLE.has(extname(file)) && /\bgzip\b/u.test(String(request.headers['accept-encoding'] ?? ''))) {
      const body = gzipSync(bytes, { level: 6 });
      wire.set(pathname, (wire.get(pathname) ?? 0) + body.length);
      response.writeHead(200, { 'content-type': type, 'content-encoding': 'gzip', 'content-length': body.length, vary: 'accept-encoding' });
      response.end(body);
      return;
    }
    wire.set(pathname, (wire.get(pathname) ?? 0) + bytes.length);
    response.writeHead(200, { 'content-type': type, 'content-length': bytes.length });
    response.end(bytes);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    url: `https://127.0.0.1:${port}`,
    sent,
    wire,
    close: () =>
      new Promise((done) => {
        server.close(() => done());
        // HTTP/2 sessions stay open until closed
        (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
        setTimeout(done, 1000).unref();
      }),
  };
}
