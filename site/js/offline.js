// Offline after the first visit: registers the service worker (../sw.js) and tells the visitor,
// in one line, what it means for them: the page is ready to work offline, it is running offline
// now, or a new version is waiting and one click loads it.
//
// The worker copies about 20 MB (Python, numpy, the networks, the training digits), so it is
// registered only once the page has answered, the visitor pauses and the browser is idle: it
// never competes with the visit that installs it. Most of what it copies that visit has just
// downloaded, and it takes those from the browser's HTTP cache (see ../sw.js), so a reload
// soon after the first visit is already served from the worker's copy.

import { idle } from "./lib/idle.js";

const WORDS = {
  saving: "Keeping a copy of this page for offline use…",
  ready: "Ready to work offline: this page opens and reads digits without a connection.",
  offline: "You are offline. Everything here still works, from the copy this browser keeps.",
  "offline-uncached": "You are offline, and this browser has no complete copy of the page yet.",
  unavailable: "",    // no service worker here (a private window, an old browser): nothing to say
};

/**
 * Start keeping the page for offline use once `when` settles; show its state in `notice`
 * (an element whose data-state and text follow it) and an update offer in `update`.
 * `scriptURL(path)` makes the worker's URL as the page's Trusted Types policy allows.
 */
export function keepForOffline({ when, notice, update, scriptURL }) {
  const show = (state) => {
    notice.dataset.state = state;
    notice.textContent = WORDS[state];
    notice.hidden = !WORDS[state];
  };
  let kept = false;
  const showConnection = () => show(navigator.onLine ? (kept ? "ready" : notice.dataset.state || "saving")
                                                     : (kept ? "offline" : "offline-uncached"));
  addEventListener("online", showConnection);
  addEventListener("offline", showConnection);

  if (!("serviceWorker" in navigator)) {
    // TypeScript's DOM types give every navigator a serviceWorker, so they take this branch for unreachable.
    show(/** @type {Navigator} */ (navigator).onLine ? "unavailable" : "offline-uncached");
    return Promise.resolve(null);
  }
  kept = Boolean(navigator.serviceWorker.controller);
  if (!navigator.onLine) showConnection();
  return when.then(() => idle(5000)).then(() => navigator.serviceWorker.register(scriptURL("sw.js"), { updateViaCache: "none" }))
    .then((registration) => {
      if (!registration.active) show("saving");
      navigator.serviceWorker.ready.then(() => { kept = true; showConnection(); });
      watchUpdates(registration, update);
      return registration;
    }, (error) => {
      console.warn(`The page cannot be kept for offline use here (${error.message}).`);
      show(navigator.onLine ? "unavailable" : "offline-uncached");
      return null;
    });
}

/** When a new version has installed beside the running one, offer to load it. */
function watchUpdates(registration, update) {
  const offer = () => {
    if (!registration.waiting || !navigator.serviceWorker.controller) return;
    update.hidden = false;
  };
  offer();
  registration.addEventListener("updatefound", () => {
    registration.installing?.addEventListener("statechange", offer);
  });
  update.querySelector("button").addEventListener("click", () => {
    if (!registration.waiting) return;
    navigator.serviceWorker.addEventListener("controllerchange", () => location.reload(), { once: true });
    registration.waiting.postMessage({ type: "take-over" });
  });
}
