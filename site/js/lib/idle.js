// A moment when the browser has nothing else to do, for work the visitor is not waiting for.

/** Resolves when the browser is idle, or after `timeoutMs` if it never is (in a browser without
 *  idle callbacks, Safari's, at the next task).
 *  @returns {Promise<void>} */
export function idle(/** @type {number} */ timeoutMs) {
  return new Promise((resolve) => {
    if ("requestIdleCallback" in window) requestIdleCallback(() => resolve(), { timeout: timeoutMs });
    else setTimeout(resolve, 0);
  });
}
