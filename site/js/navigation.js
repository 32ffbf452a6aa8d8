// Links between sections keep the page state, and the URL hash follows the section in view.

import { getSection, setSection } from "./lib/url-state.js";

/**
 * Whether the visitor has moved around the page since this was called: a wheel, a touch, a key
 * or a click. The page builds its sections a moment after it opens, and only then scrolls to the
 * section the link named; by then the visitor may have gone elsewhere, and should stay there.
 */
export function watchTheVisitor() {
  let moved = false;
  const note = () => { moved = true; };
  for (const type of ["wheel", "touchmove", "keydown", "mousedown"]) {
    addEventListener(type, note, { once: true, passive: true, capture: true });
  }
  return () => moved;
}

/**
 * Make the header's links scroll to their section, and keep the hash on the section in view.
 * The page opens at the URL's section unless `visitorMoved()` says the visitor already left it.
 * `beforeJump()` runs before a link scrolls: the page builds the sections it has not built yet,
 * so that the one the link names stays where it lands.
 */
export function linkNavigation(sections, visitorMoved = () => false, { beforeJump = () => {} } = {}) {
  for (const link of document.querySelectorAll("nav a, .brand")) {
    link.addEventListener("click", (event) => {
      event.preventDefault();
      beforeJump();
      const id = link.getAttribute("href").slice(1);
      document.getElementById(id).scrollIntoView();
      setSection(id);
      highlight(id);
    });
  }
  const initial = sections.includes(getSection()) ? getSection() : sections[0];
  if (initial !== sections[0] && !visitorMoved()) holdInView(document.getElementById(initial), visitorMoved);
  highlight(initial);

  // As the visitor scrolls, the section in view becomes the one in the link.
  const observer = new IntersectionObserver((entries) => {
    const visible = entries.filter((e) => e.isIntersecting).sort((a, b) => b.intersectionRatio - a.intersectionRatio)[0];
    if (!visible) return;
    setSection(visible.target.id);
    highlight(visible.target.id);
  }, { rootMargin: "-40% 0px -55% 0px" });
  for (const id of sections) observer.observe(document.getElementById(id));
}

/**
 * Go to the section a link named, at once, and keep it there while the sections above it build
 * (some build only as they come near the screen, and grow by a screen or more as they do),
 * until the visitor moves or the page has stood still for a while; then say so on <html
 * data-landed>. A smooth scroll here would aim at where the section was when it started, and
 * land in the middle of another one.
 */
function holdInView(section, visitorMoved, { stillFor = 1500 } = {}) {
  const align = () => section.scrollIntoView({ behavior: "instant" });
  let settled;
  const letGo = () => {
    watcher.disconnect();
    clearTimeout(settled);
    document.documentElement.dataset.landed = section.id;
  };
  const watcher = new ResizeObserver(() => {
    if (visitorMoved()) return letGo();
    align();
    clearTimeout(settled);
    settled = setTimeout(letGo, stillFor);
  });
  align();
  for (const other of document.querySelectorAll(".section")) watcher.observe(other);
}

function highlight(id) {
  for (const link of document.querySelectorAll("nav a")) {
    link.setAttribute("aria-current", String(link.getAttribute("href") === `#${id}`));
  }
}
