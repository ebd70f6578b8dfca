import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request as http1Request } from 'node:http';
import { connect, constants } from 'node:http2';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentType, serveStatic, type StaticServer } from './static-server.ts';

interface Got {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** One GET over HTTP/1.1. */
function get1(url: string, headers: Record<string, string> = {}): Promise<Got> {
  return new Promise((done, fail) => {
    http1Request(url, { headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => done({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }));
    })
      .on('error', fail)
      .end();
  });
}

/** One GET over HTTP/2, trusting the self-signed certificate. */
function get2(base: string, path: string, headers: Record<string, string> = {}): Promise<Got & { protocol: string }> {
  return new Promise((done, fail) => {
    const session = connect(base, { rejectUnauthorized: false });
    session.on('error', fail);
    const stream = session.request({ [constants.HTTP2_HEADER_PATH]: path, ...headers });
    const chunks: Buffer[] = [];
    let head: Record<string, string | string[] | undefined> = {};
    stream.on('response', (h) => (head = h as typeof head));
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.on('end', () => {
      session.close();
      done({ status: Number(head[':status']), headers: head, body: Buffer.concat(chunks), protocol: session.alpnProtocol ?? '' });
    });
    stream.end();
  });
}

describe('the static server', () => {
  let root: string;
  const html = '<!doctype html><title>首页</title>'.repeat(50);

  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'static-server-'));
    mkdirSync(join(root, 'search'));
    writeFileSync(join(root, 'index.html'), html);
    writeFileSync(join(root, 'search', 'index.html'), '<p>搜索</p>');
    writeFileSync(join(root, '404.html'), '<p>未找到</p>');
    writeFileSync(join(root, 'data.jsonl'), '{"a":1}\n'.repeat(100));
    writeFileSync(join(root, 'photo.avif'), Buffer.alloc(300, 7));
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('knows the types of what the site holds', () => {
    expect(contentType('a/b.html')).toBe('text/html; charset=utf-8');
    expect(contentType('corpus/2023.jsonl')).toBe('application/x-ndjson; charset=utf-8');
    expect(contentType('x/citation.ris')).toBe('application/x-research-info-systems; charset=utf-8');
    expect(contentType('pagefind/wasm.unknown.pagefind')).toBe('application/octet-stream');
  });

  describe('over HTTP/1.1', () => {
    let server: StaticServer;
    beforeAll(async () => {
      server = await serveStatic(root, { compress: true });
    });
    afterAll(() => server.close());

    it('serves folders by their index.html, redirects a folder without its slash, and answers 404 with the site page', async () => {
      expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const home = await get1(`${server.url}/`);
      expect([home.status, home.headers['content-type'], home.body.toString()]).toEqual([200, 'text/html; charset=utf-8', html]);
      const bare = await get1(`${server.url}/search`);
      expect([bare.status, bare.headers.location]).toEqual([301, '/search/']);
      const missing = await get1(`${server.url}/nothing/`);
      expect([missing.status, missing.body.toString()]).toEqual([404, '<p>未找到</p>']);
      expect((await get1(`${server.url}/..%2f..%2fetc/passwd`)).status).not.toBe(200);
    });

    it('compresses text for clients that accept gzip, and counts bytes sent and on the wire', async () => {
      server.sent.clear();
      server.wire.clear();
      const text = await get1(`${server.url}/data.jsonl`, { 'accept-encoding': 'gzip, br' });
      expect(text.headers['content-encoding']).toBe('gzip');
      expect(gunzipSync(text.body).toString()).toBe('{"a":1}\n'.repeat(100));
      const image = await get1(`${server.url}/photo.avif`, { 'accept-encoding': 'gzip' });
      expect([image.headers['content-encoding'], image.headers['content-type'], image.body.length]).toEqual([undefined, 'image/avif', 300]);
      expect(server.sent.get('/data.jsonl')).toBe(800);
      expect(server.wire.get('/data.jsonl')).toBe(text.body.length);
      expect(server.wire.get('/photo.avif')).toBe(300);
    });
  });

  describe('over HTTPS and HTTP/2', () => {
    let server: StaticServer;
    let certificates: string;
    beforeAll(async () => {
      certificates = mkdtempSync(join(tmpdir(), 'static-server-tls-'));
      server = await serveStatic(root, { compress: true, http2: { certificateDir: certificates } });
    });
    afterAll(async () => {
      await server.close();
      rmSync(certificates, { recursive: true, force: true });
    });

    it('answers as the HTTP/1.1 server does, over HTTP/2', async () => {
      expect(server.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
      const home = await get2(server.url, '/', { 'accept-encoding': 'gzip' });
      expect(home.protocol).toBe('h2');
      expect([home.status, home.headers['content-type'], home.headers['content-encoding']]).toEqual([200, 'text/html; charset=utf-8', 'gzip']);
      expect(gunzipSync(home.body).toString()).toBe(html);
      expect((await get2(server.url, '/search')).headers.location).toBe('/search/');
      expect((await get2(server.url, '/nothing/')).status).toBe(404);
      expect(server.sent.get('/')).toBe(Buffer.byteLength(html));
    });
  });
});
