// Work for a section that is not on screen yet waits until the visitor scrolls near it: the
// first answer comes first, and a visitor who never scrolls down costs Python nothing.

const MARGIN = "600px 0px";        // start a little before the section shows, so it is ready when it does

/** Call `act()` each time `element` comes within MARGIN of the screen. */
export function whenNear(/** @type {Element} */ element, /** @type {() => void} */ act) {
  const observer = new IntersectionObserver((entries) => {
    if (entries.some((entry) => entry.isIntersecting)) act();
  }, { rootMargin: MARGIN });
  observer.observe(element);
}
