// The page's service worker: after the first visit, the whole site opens and works offline.
//
// build.py writes offline-files.js beside this file: the build's version and every file of the
// site with its sha256. On install, this worker copies all of them into a cache named after the
// version (from the browser's HTTP cache when it holds the very file), checking each against its
// sha256, so a cache never holds half of one build and half of another. It then waits: the page
// that is open keeps the version it started with, and says that an update is ready
// (site/js/offline.js); the visitor's "Reload" (or closing every tab) lets the new version take
// over, and the old cache is deleted then.
//
// Requests for the site's files are answered from the cache (HEAD too: the worker asks for the
// runtime's files that way to tell a missing file from a slow one); anything else, or a file the
// cache lacks, goes to the network as usual. The runtime's files (pyodide/: Python and numpy) are
// the exception: they come from the network first, see fromNetworkFirst.

importScripts("offline-files.js");          // self.OFFLINE = {version, files: [{path, sha256}]}

const { version, files } = self.OFFLINE;
const CACHE = `digits-${version}`;
const SITE = new URL("./", self.location).href;
const PAGE = "index.html";
const RUNTIME = "pyodide/";

self.addEventListener("install", (event) => {
  event.waitUntil(fillCache());
});

self.addEventListener("activate", (event) => {
  event.waitUntil(dropOtherVersions().then(() => self.clients.claim()));
});

self.addEventListener("message", (event) => {
  if (event.data?.type === "take-over") self.skipWaiting();
  if (event.data?.type === "version") event.source?.postMessage({ type: "version", version });
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (!["GET", "HEAD"].includes(request.method) || !request.url.startsWith(SITE)) return;
  const path = sitePath(request);
  if (path === null) return;
  event.respondWith(path.startsWith(RUNTIME) ? fromNetworkFirst(path, request) : fromCache(path, request));
});

/**
 * Every file of this build, checked, into this version's cache. The visit that installs this
 * worker has just downloaded most of them: each is taken from the browser's HTTP cache if that
 * holds this very file (its sha256 says so), and fetched afresh only if not, so the copy
 * neither waits on the network nor competes with the visitor's page for it.
 */
async function fillCache() {
  const cache = await caches.open(CACHE);
  const missing = [];
  for (const { path } of files) if (!(await cache.match(path))) missing.push(path);
  // A few at a time: the visitor's page is using the same connection.
  for (let i = 0; i < missing.length; i += 4) {
    await Promise.all(missing.slice(i, i + 4).map(async (path) => {
      const response = (await checked(path, "default")) ?? (await checked(path, "no-cache"));
      if (!response) throw new Error(`${path} is not the file this version lists (a deploy in progress?)`);
      await cache.put(path, response);
    }));
  }
}

/** The file at `path` fetched with this cache mode, if its bytes are the ones this version lists; else null. */
async function checked(path, cacheMode) {
  const response = await fetch(path, { cache: cacheMode });
  if (!response.ok) throw new Error(`${path} answered HTTP ${response.status}`);
  const bytes = await response.clone().arrayBuffer();
  return (await sha256(bytes)) === expected.get(path) ? response : null;
}

const expected = new Map(files.map(({ path, sha256: digest }) => [path, digest]));

async function dropOtherVersions() {
  const names = await caches.keys();
  await Promise.all(names.filter((name) => name.startsWith("digits-") && name !== CACHE)
    .map((name) => caches.delete(name)));
}

/** The request's path inside the site if this build has that file (the site's root is its page), else null. */
function sitePath(request) {
  const path = decodeURIComponent(new URL(request.url).pathname.slice(new URL(SITE).pathname.length)) || PAGE;
  return expected.has(path) ? path : null;
}

async function fromCache(path, request) {
  const kept = await keptCopy(path);
  return kept ? asAsked(kept, request) : fetch(request);
}

/**
 * A runtime file the browser's usual way (its HTTP cache, else the server), or this cache's copy
 * when that fails: offline, or a server in trouble. Chromium keeps Pyodide's compiled WebAssembly
 * beside the file in its HTTP cache, also for a response this worker passes on from fetch(); the
 * copy in this cache has none until it has been used once, so answering from it made the first
 * reload after a visit compile Python afresh (bench/load_time.py measures it: "warm 1").
 */
async function fromNetworkFirst(path, request) {
  const response = await fetch(request).catch(() => null);
  if (response?.ok) return response;
  const kept = await keptCopy(path);
  return kept ? asAsked(kept, request) : (response ?? Response.error());
}

async function keptCopy(path) {
  return (await caches.open(CACHE)).match(path);
}

/** The kept response, or for a HEAD request its status and headers alone. */
function asAsked(kept, request) {
  return request.method === "HEAD" ? new Response(null, { status: kept.status, headers: kept.headers }) : kept;
}

async function sha256(buffer) {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", buffer));
  return Array.from(digest, (byte) => byte.toString(16).padStart(2, "0")).join("");
}
