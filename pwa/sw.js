// Service worker: keeps this build's files for offline use. Nothing else.
// - It never reads or writes the app's records (those are in localStorage,
//   which a service worker cannot even see).
// - It makes no request of its own except fetching this build's files, from
//   the same place the app was loaded from.
// scripts/sw-manifest.mjs (a Trunk post-build step) replaces the BUILD object
// below with this build's file list and content hashes; `version` is a hash
// of that list, so every build gets its own cache.
const BUILD = /*BUILD*/{ "version": "unbuilt", "precache": false, "files": [] }/*END-BUILD*/;

// Scope in the cache name: two copies of the app under different paths of the
// same origin never delete each other's cache.
const PREFIX = 'dek-offline:' + self.registration.scope + ':';
const CACHE = PREFIX + BUILD.version;
const INDEX = new URL('index.html', self.registration.scope).href;

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    if (BUILD.precache) {
      const cache = await caches.open(CACHE);
      // Files with a content hash in their name (Trunk's filehash) may come from
      // the HTTP cache: the page just loaded them, so they aren't downloaded
      // twice. The others (index.html, …) skip it, so they really are this build's.
      // Low priority: a page the user opens meanwhile fetches its chunk first.
      await cache.addAll(BUILD.files.map((f) => new Request(new URL(f.path, self.registration.scope), {
        cache: /-[0-9a-f]{12,}(_bg)?\.(js|wasm|css)$/.test(f.path) ? 'default' : 'reload',
        priority: 'low',
      })));
    }
    // Take over at once: the page already running keeps its loaded code; the
    // next load uses the new files. The page shows a small notice.
    await self.skipWaiting();
  })());
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    let replaced = false;
    for (const name of await caches.keys()) {
      if (name.startsWith(PREFIX) && (name !== CACHE || !BUILD.precache)) {
        replaced = replaced || name !== CACHE;
        await caches.delete(name);
      }
    }
    await self.clients.claim();
    // An older build was replaced: tell the open pages (sw-register.js shows a
    // notice). A message, unlike 'controllerchange', waits for a page that is
    // still loading.
    if (replaced) {
      for (const client of await self.clients.matchAll({ type: 'window' })) {
        client.postMessage({ type: 'dek-updated', version: BUILD.version });
      }
    }
  })());
});

self.addEventListener('fetch', (event) => {
  const req = event.request;
  if (!BUILD.precache || req.method !== 'GET') return;
  const url = new URL(req.url);
  if (url.origin !== self.location.origin || !url.href.startsWith(self.registration.scope)) return;
  event.respondWith(respond(req, url));
});

async function respond(req, url) {
  const cache = await caches.open(CACHE);
  const rel = url.pathname.slice(new URL(self.registration.scope).pathname.length);
  if (req.mode === 'navigate' && (rel === '' || rel === 'index.html')) {
    const hit = await cache.match(INDEX);
    if (hit) return hit;
  }
  const hit = await cache.match(req, { ignoreSearch: true });
  if (hit) return hit;
  try {
    return await fetch(req);
  } catch (err) {
    // Offline and not a file of this build: a page load still gets the app
    // (its routes live after '#', so every deep link is index.html). Not for
    // a file name (e.g. the single-file download): that fails as it should.
    if (req.mode === 'navigate' && !/\.[a-z0-9]+$/i.test(rel)) {
      const index = await cache.match(INDEX);
      if (index) return index;
    }
    throw err;
  }
}
