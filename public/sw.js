// Offline once loaded: a network-first service worker. Every same-origin GET
// goes to the network as usual (so a new build is never hidden behind an old
// copy); what comes back is kept, and used only when the network fails.
// On install it keeps the page and the assets the page names (their names
// carry content hashes), so the first visit is enough to work offline; the
// lab's wasm only once the lab has been opened.
'use strict';
const CACHE = 'dns-race-explainer-v1';
const PAGE = new URL('./', self.location).href;
// The app has one page a language (public/boot.js names the same two).
const EN_PAGE = new URL('./index.en.html', self.location).href;

// A response that came through a redirect (a host that drops `.html` from
// addresses answers index.en.html with one) cannot answer a navigation from
// the cache: keep its body and headers as a plain response.
const followed = async (response) =>
  response.redirected
    ? new Response(await response.blob(), { status: response.status, statusText: response.statusText, headers: response.headers })
    : response;

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    const assets = new Set();
    // A visit to the lab keeps the lab's files too (the page has fetched
    // them already, before this worker could see it). The lab, as the
    // page's loader reads the address.
    const windows = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
    const atLab = windows.some((w) => {
      const asked = new URL(w.url).searchParams;
      return (asked.get('view') ?? '').trim() === 'playground' || (asked.get('embed') ?? '').trim().toLowerCase() === 'playground';
    });
    for (const page of [PAGE, EN_PAGE]) {
    const response = await fetch(page, { cache: 'no-cache' });
    if (!response.ok) continue;
    const html = await response.clone().text();
    await cache.put(page, await followed(response));
    for (const m of html.matchAll(/(?:href|src|module_or_path:|from|import\(|fetch\()\s*=?\s*["']([^"']+\.(?:js|wasm|css|svg|png))["']/g)) {
      // The lab's wasm and script (dns-race-lab-*) are kept once the
      // reader opens the lab, not before: a reader of the story does not
      // download the lab (the fetch handler below keeps it later).
      if (!atLab && /(^|\/)dns-race-lab-/.test(m[1])) continue;
      assets.add(new URL(m[1], PAGE).href);
    }
    }
    await Promise.all([...assets].map(async (url) => {
      const r = await fetch(url);
      if (r.ok) await cache.put(url, r);
    }));
    await self.skipWaiting();
  })());
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) if (name !== CACHE) await caches.delete(name);
    await self.clients.claim();
  })());
});

// A navigation to the app itself (any query) is kept as its language's
// page; one to another page of the site (the teacher's page, the handout,
// the demo) is kept under its own address, so it never replaces the app's
// offline copy.
const APP_PATHS = [new URL(PAGE).pathname, new URL('./index.html', self.location).pathname];
const EN_PATH = new URL(EN_PAGE).pathname;
const appPage = (request) => {
  if (request.mode !== 'navigate') return null;
  const path = new URL(request.url).pathname;
  if (path === EN_PATH || path === EN_PATH.slice(0, -'.html'.length)) return EN_PAGE;
  return APP_PATHS.includes(path) ? PAGE : null;
};

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith((async () => {
    try {
      const response = await fetch(request);
      if (response.ok && response.type === 'basic') {
        const copy = response.clone();
        const key = appPage(request) ?? request;
        event.waitUntil(caches.open(CACHE).then(async (c) => c.put(key, await followed(copy))));
      }
      return response;
    } catch (offline) {
      const cache = await caches.open(CACHE);
      const page = appPage(request);
      const hit = page
        ? await cache.match(page)
        : await cache.match(request, { ignoreSearch: request.mode === 'navigate' });
      if (hit) return hit;
      throw offline;
    }
  })());
});
