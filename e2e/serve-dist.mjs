// A static server for the built site on loopback, for the browser tests.
// Serves <dist> at "/" and again under "/some/dir/" (sub-path hosting), and
// the test host pages of e2e/hosts/ under "/__hosts__/".
// Usage: node e2e/serve-dist.mjs <dist-dir> <port>
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { join, normalize, extname, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

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
  res.writeHead(200, {
    'content-type': TYPES[extname(found.path)] ?? 'application/octet-stream',
    'cache-control': 'no-store',
  });
  res.end(found.body);
}).listen(port, '127.0.0.1', () => console.log(`serving ${dist} on http://127.0.0.1:${port}/`));
