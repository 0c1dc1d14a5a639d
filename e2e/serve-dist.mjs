// A static server for the built site on loopback, for the browser tests.
// Serves <dist> at "/" and again under "/some/dir/" (sub-path hosting), and
// the test host pages of e2e/hosts/ under "/__hosts__/".
// Usage: node e2e/serve-dist.mjs <dist-dir> <port>
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { join, normalize, extname, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

// Compressed once per file content (a rebuilt file under the same name,
// like index.html, is compressed again).
const zipped = new Map();
function gzipped(path, body) {
  const hit = zipped.get(path);
  if (hit && hit.body.equals(body)) return hit.gz;
  const gz = gzipSync(body, { level: 9 });
  zipped.set(path, { body, gz });
  return gz;
}

const dist = resolve(process.argv[2] ?? 'dist');
const port = Number(process.argv[3] ?? 4173);
const hosts = join(dirname(fileURLToPath(import.meta.url)), 'hosts');
const SUB_PATH = '/some/dir/';
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
};

async function file(root, rel) {
  const path = normalize(join(root, rel));
  if (!path.startsWith(root)) return null;
  try {
    const s = await stat(path);
    return s.isDirectory() ? file(root, join(rel, 'index.html')) : { path, body: await readFile(path) };
  } catch {
    return null;
  }
}

createServer(async (req, res) => {
  const url = new URL(req.url, 'http://127.0.0.1');
  let path = decodeURIComponent(url.pathname);
  let root = dist;
  if (path.startsWith('/__hosts__/')) {
    root = hosts;
    path = path.slice('/__hosts__'.length);
  } else if (path.startsWith(SUB_PATH)) {
    path = '/' + path.slice(SUB_PATH.length);
  }
  const found = await file(root, path);
  if (!found) {
    res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    return;
  }
  // Like a production static host: gzip what compresses, keep files whose
  // names carry a content hash for a year, and revalidate everything else.
  const type = TYPES[extname(found.path)] ?? 'application/octet-stream';
  // Trunk's hashes are not zero-padded: 8 to 16 hex digits.
  const hashed = /-[0-9a-f]{8,16}(_bg)?\.(js|css|wasm)$/.test(found.path);
  const headers = {
    'content-type': type,
    'cache-control': hashed ? 'public, max-age=31536000, immutable' : 'no-cache',
    vary: 'accept-encoding',
  };
  let body = found.body;
  if (/gzip/.test(req.headers['accept-encoding'] ?? '') && !/image\/png/.test(type)) {
    body = gzipped(found.path, found.body);
    headers['content-encoding'] = 'gzip';
  }
  res.writeHead(200, headers);
  res.end(body);
}).listen(port, '127.0.0.1', () => console.log(`serving ${dist} on http://127.0.0.1:${port}/`));
