// A static host for a published site (scripts/publish.sh), on loopback, the
// way production serves it: ONLY under a sub-path (everything else is 404),
// every response carrying the headers of the site's `_headers` file (the
// Content-Security-Policy as a real header, the caching rules), and the
// pre-compressed `.br` / `.gz` copy sent when the client accepts it.
// Usage: node e2e/serve-published.mjs <site-dir> <port> [sub-path, default /aws-outage/]
import { createServer } from 'node:http';
import { readFileSync, existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { join, normalize, extname, resolve, sep } from 'node:path';
import { parseHeaders, headersFor } from '../scripts/pack-site.mjs';

const site = resolve(process.argv[2] ?? '../target/publish/site');
const port = Number(process.argv[3] ?? 4174);
let subPath = process.argv[4] ?? '/aws-outage/';
if (!subPath.startsWith('/')) subPath = `/${subPath}`;
if (!subPath.endsWith('/')) subPath = `${subPath}/`;

if (!existsSync(join(site, 'index.html'))) {
  console.error(`serve-published.mjs: ${site} holds no index.html: run scripts/publish.sh first`);
  process.exit(1);
}
const headersFile = join(site, '_headers');
if (!existsSync(headersFile)) {
  console.error(`serve-published.mjs: ${site} has no _headers file: publish it with scripts/publish.sh`);
  process.exit(1);
}
const rules = parseHeaders(readFileSync(headersFile, 'utf8'));

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.txt': 'text/plain; charset=utf-8',
  '.gz': 'application/gzip',
  '.br': 'application/x-brotli',
};

/** Encodings the client accepts, by the Accept-Encoding header (q=0 refuses). */
function accepted(header) {
  const ok = new Set();
  for (const part of (header ?? '').split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    if (name && !(q && Number(q.slice(2)) === 0)) ok.add(name);
  }
  return ok;
}

async function isFile(path) {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

const server = createServer(async (req, res) => {
  const url = new URL(req.url, 'http://127.0.0.1');
  let path;
  try {
    path = decodeURIComponent(url.pathname);
  } catch {
    res.writeHead(400, { 'content-type': 'text/plain' }).end('bad address');
    return;
  }
  if (path === subPath.slice(0, -1)) {
    res.writeHead(301, { location: subPath + url.search }).end();
    return;
  }
  if (!path.startsWith(subPath) || !['GET', 'HEAD'].includes(req.method)) {
    res.writeHead(404, { 'content-type': 'text/plain' }).end(`not found: this host serves the site only under ${subPath}`);
    return;
  }
  let rel = path.slice(subPath.length);
  if (rel === '' || rel.endsWith('/')) rel += 'index.html';
  const file = normalize(join(site, rel));
  // The headers file is read by the host, never served (as on Netlify and Cloudflare Pages).
  if (!file.startsWith(site + sep) || rel === '_headers' || !(await isFile(file))) {
    res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    return;
  }
  const headers = { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' };
  for (const [name, value] of headersFor(rules, url.pathname)) headers[name] = value;

  let body = file;
  const copies = [];
  for (const [encoding, ext] of [['br', '.br'], ['gzip', '.gz']]) {
    if (await isFile(file + ext)) copies.push([encoding, file + ext]);
  }
  if (copies.length > 0) {
    headers.vary = 'Accept-Encoding';
    const ok = accepted(req.headers['accept-encoding']);
    const chosen = copies.find(([encoding]) => ok.has(encoding));
    if (chosen) {
      headers['content-encoding'] = chosen[0];
      body = chosen[1];
    }
  }
  const info = await stat(body);
  // A validator, so "no-cache" revalidates instead of downloading again.
  const etag = `"${info.size.toString(16)}-${Math.floor(info.mtimeMs).toString(16)}${headers['content-encoding'] ? `-${headers['content-encoding']}` : ''}"`;
  headers.etag = etag;
  if (req.headers['if-none-match'] === etag) {
    res.writeHead(304, headers).end();
    return;
  }
  headers['content-length'] = info.size;
  res.writeHead(200, headers);
  if (req.method === 'HEAD') res.end();
  else res.end(await readFile(body));
});

server.listen(port, '127.0.0.1', () => {
  console.log(`serving ${site} at http://127.0.0.1:${port}${subPath} (with its _headers, pre-compressed copies)`);
});
