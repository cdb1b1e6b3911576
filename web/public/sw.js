/* global self, caches, fetch, URL, Headers, Response */
/**
 * RedShield's service worker (hand-written: see lib/offline/register.ts). It lets the phone entry
 * of outings, market entities, samples and seized goods open without a network:
 * - the app shell (index.html and the files it loads) is cached when the worker installs, and
 *   every page address answers the shell when the network is gone (network first);
 * - the built files under /assets/ (their names carry a hash) are cached as they are loaded;
 * - GET answers of the API that the entry forms need (the session, units, campaigns and their
 *   categories, inspectors, the register search, the case picker, an outing's seizures, a record
 *   being edited) are network first with the last answer as fallback; nothing else of the API
 *   is kept, and no write is ever cached;
 * - logging out drops the API cache, and so does any 401;
 * - a kept API answer stands in for the network only for as long as the session it was read under
 *   could still be alive: SESSION_IDLE_MS (server/src/modules/auth/auth.service.ts, 8 hours) after it
 *   was read. Past that the session has ended on the server, and a shared computer whose last user
 *   never logged out would otherwise show that user's name and lists to whoever opens it offline.
 */
const VERSION = 'v1';
const SHELL = `redshield-shell-${VERSION}`;
const ASSETS = `redshield-assets-${VERSION}`;
const API = `redshield-api-${VERSION}`;

/** How long after it was read a kept API answer may be served offline: the session's idle limit. */
const API_ANSWER_LIFETIME_MS = 8 * 60 * 60_000;
/** The header a kept API answer carries: when it was read (ms since the epoch). */
const READ_AT = 'x-redshield-read-at';

/**
 * When this worker last dropped the expired API answers. An offline page load makes several API
 * reads; one sweep a minute is enough for them, and the answer asked for is judged on its own
 * every time (an expired one sweeps at once).
 */
let sweptAt = 0;
const SWEEP_INTERVAL_MS = 60_000;

/** The API reads the entry forms need offline (path and query; GET only, JSON only). */
const API_FOR_FORMS = [
  /^\/api\/auth\/me$/,
  /^\/api\/units$/,
  /^\/api\/campaigns(\/[0-9a-f-]{36})?$/,
  /^\/api\/people$/,
  /^\/api\/inspections\/options$/,
  /^\/api\/inspections\/[0-9a-f-]{36}$/,
  /^\/api\/market-entities(\/search)?$/,
  /^\/api\/market-entities\/[0-9a-f-]{36}$/,
  /^\/api\/samples\/[0-9a-f-]{36}$/,
  /^\/api\/seized-goods\/[0-9a-f-]{36}$/,
  /^\/api\/seized-goods\/outing\/[0-9a-f-]{36}$/,
  /^\/api\/cases$/,
];

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const shell = await caches.open(SHELL);
      const res = await fetch('/', { cache: 'no-store' });
      const html = await res.clone().text();
      await shell.put('/index.html', res);
      const files = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((m) => m[1]);
      const assets = await caches.open(ASSETS);
      await assets.addAll([...new Set([...files, '/manifest.webmanifest', '/favicon.svg'])]);
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) {
        if (name.startsWith('redshield-') && ![SHELL, ASSETS, API].includes(name)) await caches.delete(name);
      }
      await self.clients.claim();
    })(),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.method !== 'GET') {
    if (request.method === 'POST' && url.pathname === '/api/auth/logout') event.waitUntil(caches.delete(API));
    return;
  }
  if (request.mode === 'navigate' && !url.pathname.startsWith('/api/')) {
    event.respondWith(networkFirst(request, SHELL, '/index.html'));
  } else if (url.pathname.startsWith('/assets/')) {
    event.respondWith(cacheFirst(request));
  } else if (API_FOR_FORMS.some((re) => re.test(url.pathname))) {
    event.respondWith(networkFirst(request, API));
  }
});

/**
 * The network's answer (kept when it is a success), or the last one kept when there is no network
 * (an API answer only while it is younger than API_ANSWER_LIFETIME_MS; older ones are dropped).
 */
async function networkFirst(request, cacheName, key = request) {
  const cache = await caches.open(cacheName);
  try {
    const res = await fetch(request);
    const json = (res.headers.get('content-type') ?? '').includes('json');
    if (res.ok && cacheName === SHELL) await cache.put(key, res.clone());
    if (res.ok && cacheName === API && json) await cache.put(key, await stamped(res.clone()));
    if (!res.ok && res.status === 401 && cacheName === API) await caches.delete(API);
    return res;
  } catch (e) {
    const kept = await cache.match(key);
    const expired = cacheName === API && kept !== undefined && pastLifetime(kept);
    if (cacheName === API && (expired || Date.now() - sweptAt >= SWEEP_INTERVAL_MS)) {
      sweptAt = Date.now();
      await dropPastLifetime(cache);
    }
    if (kept && !expired) return kept;
    throw e;
  }
}

/** Whether a kept API answer was read longer ago than API_ANSWER_LIFETIME_MS (or carries no time). */
const pastLifetime = (kept) => !(Date.now() - Number(kept.headers.get(READ_AT)) < API_ANSWER_LIFETIME_MS);

/** Drops every kept API answer past its lifetime, not only the one asked for: none is shown again. */
async function dropPastLifetime(cache) {
  for (const request of await cache.keys()) {
    const kept = await cache.match(request);
    if (kept && pastLifetime(kept)) await cache.delete(request);
  }
}

/** An API answer with the time it was read (READ_AT), to be kept. */
async function stamped(res) {
  const headers = new Headers(res.headers);
  headers.set(READ_AT, String(Date.now()));
  return new Response(await res.blob(), { status: res.status, statusText: res.statusText, headers });
}

async function cacheFirst(request) {
  const cache = await caches.open(ASSETS);
  const kept = await cache.match(request);
  if (kept) return kept;
  const res = await fetch(request);
  if (res.ok) await cache.put(request, res.clone());
  return res;
}
