// Pointer capture keeps a drag going when the pointer leaves the element (a stroke off the
// pad's edge, a knob turned far). A pointer made by a script (new PointerEvent) cannot be
// captured; the drag then works without capture instead of failing.
export function capturePointer(/** @type {Element} */ element, /** @type {PointerEvent} */ event) {
  try {
    element.setPointerCapture(event.pointerId);
  } catch {
    // not a live pointer: nothing to capture
  }
}
