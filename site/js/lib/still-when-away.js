// Sections below the fold are skipped while they are far from the screen: the browser neither
// lays them out nor paints them (content-visibility: auto, in style.css). A transition running
// in a skipped section never gets the style update that would end it, and the browser goes on
// rendering frames for it, a hundred or more a second, until the visitor comes back: an idle
// page that drains a laptop's battery. It happens when a section far below changes as Python
// answers it (the machine's displays, as the page loads), and can when the visitor leaves a
// section while something in it moves. So in a skipped section, whatever moves jumps to where
// it was going; the visitor, who is elsewhere, loses nothing.

/** Finish the animations in `section` when the browser skips it, and any that start while it is skipped. */
export function keepStillWhenAway(/** @type {Element} */ section) {
  let skipped = false;
  let finishing = false;
  const finishAll = () => {
    finishing = false;
    for (const animation of section.getAnimations({ subtree: true })) {
      if (animation.effect?.getComputedTiming().endTime !== Infinity) animation.finish();
    }
  };
  const finishSoon = () => {          // once for the many transitions one change starts
    if (finishing) return;
    finishing = true;
    queueMicrotask(finishAll);
  };
  section.addEventListener("contentvisibilityautostatechange", (event) => {
    skipped = (/** @type {ContentVisibilityAutoStateChangeEvent} */ (event)).skipped;
    if (skipped) finishSoon();
  });
  section.addEventListener("transitionrun", () => {
    if (skipped) finishSoon();
  });
}
