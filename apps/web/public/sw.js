// movierec's service worker (registered by components/service-worker.tsx): page loads go to the
// network as always; when the network cannot answer one, it answers with the offline page instead
// of the browser's error. Nothing else is cached here (the persisted Apollo cache keeps the data).
// A new name with every change to offline.html: a worker whose bytes change is installed again and
// caches the new page; the old cache goes on activation.
const CACHE = "movierec-offline-v2";
const OFFLINE_PAGE = "/offline.html";

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.add(new Request(OFFLINE_PAGE, { cache: "reload" })))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((key) => key !== CACHE).map((key) => caches.delete(key))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener("fetch", (event) => {
  if (event.request.mode !== "navigate") return;
  event.respondWith(fetch(event.request).catch(() => caches.open(CACHE).then((cache) => cache.match(OFFLINE_PAGE))));
});
