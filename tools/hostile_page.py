"""Random and hostile input for the page itself: pointer storms and junk in the URL hash.

Shared by tests/test_hostile_page_browser.py (a few hundred of each, every run) and
bench/fuzz_browser.py (thousands, with the counts printed). Both run in a real Chromium
on the built page; each function returns what it tried, and the caller checks that the
page logged no error and still works.
"""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

# Scripted pointer sequences on an element: zero-length strokes, strokes off the element and
# far off the screen (as far as a double goes: browsers refuse to make an event at NaN or
# infinity, so none can reach the page), several fingers at once, pointercancel in the middle,
# ups without downs and downs without ups. Seeded, so a failure can be replayed.
POINTER_STORM = """async ([selector, sequences, seed]) => {
  let state = seed >>> 0;
  const random = () => ((state = (state * 1664525 + 1013904223) >>> 0) / 2 ** 32);
  const pick = (list) => list[Math.floor(random() * list.length)];
  const targets = [...document.querySelectorAll(selector)];
  const events = { tried: 0 };
  const coordinate = (low, size) => pick([
    low + random() * size, low + random() * size, low + random() * size,
    low - 50 - random() * 500, low + size + 50 + random() * 500, 1e308, -1e308, -1e9, 1e9, 0, 5e-324]);
  for (let i = 0; i < sequences; i++) {
    const target = pick(targets);
    const box = target.getBoundingClientRect();
    const fingers = pick([1, 1, 1, 2, 3]);
    const type = pick(["mouse", "touch", "pen"]);
    const send = (kind, pointerId) => {
      target.dispatchEvent(new PointerEvent(kind, {
        bubbles: true, cancelable: true, pointerId, pointerType: type, isPrimary: pointerId === 1,
        clientX: coordinate(box.left, box.width), clientY: coordinate(box.top, box.height),
        button: kind === "pointermove" ? -1 : pick([0, 0, 0, 1, 2]), buttons: 1, pressure: random() }));
      events.tried += 1;
    };
    const ids = Array.from({ length: fingers }, (_, f) => f + 1);
    if (random() < 0.9) for (const id of ids) send("pointerdown", id);
    for (let step = Math.floor(random() * 12); step > 0; step--) send("pointermove", pick(ids));
    for (const id of ids) send(random() < 0.2 ? "pointercancel" : random() < 0.9 ? "pointerup" : "pointermove", id);
    if (i % 50 === 0) await new Promise((resolve) => requestAnimationFrame(resolve));
  }
  return events.tried;
}"""

# For each URL key, junk that a damaged, old or hostile link could carry.
JUNK = ["", "NaN", "Infinity", "-Infinity", "1e999", "-1e999", "0x1F", "1,5", "[]", "{}", "null", "undefined",
        "true", "<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>", "javascript:alert(1)",
        "%00", "%", "%E0%A4%A", "../../etc/passwd", "🙂", "9" * 400, "x" * 100_000, "0" * 5000, "-0", " 1 "]

# Sets each key to each junk value in turn (the codec reads location.hash on every call) and
# checks what it reads: its default, or (for junk that happens to be a valid value, such as
# "-0" for a number) a value that is in range and survives being written and read again.
# The page's own codec, which it leaves on window.app for the curious.
URL_JUNK = """async ([keys, junk]) => {
  const state = window.app.urlState;
  const wrong = [];
  let tried = 0;
  for (const key of keys) {
    const fallback = JSON.stringify(state.defaultOf(key));
    const { min, max } = state.rangeOf(key);
    for (const value of junk) {
      history.replaceState(null, "", `#draw?${key}=${encodeURIComponent(value)}`);
      tried += 1;
      try {
        const read = state.readKey(key);
        if (JSON.stringify(read) === fallback) continue;
        const outOfRange = typeof read === "number" && min !== undefined && !(read >= min && read <= max);
        state.writeKeys({ [key]: read });
        if (outOfRange || JSON.stringify(state.readKey(key)) !== JSON.stringify(read)) {
          wrong.push(`${key}=${value.slice(0, 40)} read as ${JSON.stringify(read).slice(0, 60)}`);
        }
      } catch (error) {
        wrong.push(`${key}=${value.slice(0, 40)} threw ${error.message}`);
      }
    }
  }
  history.replaceState(null, "", "#draw");
  return { tried, wrong };
}"""


def url_keys():
    """Every key the page's URL state declares (site/js/lib/url-state.js, its one declaration)."""
    text = (ROOT / "site" / "js" / "lib" / "url-state.js").read_text()
    declaration = text[text.index("const KEYS = {"):text.index("};", text.index("const KEYS = {"))]
    return re.findall(r'^\s+"([a-z]+\.[a-z0-9]+)":', declaration, re.M)


def hash_with_every_key(value):
    """A link whose every key carries `value`."""
    from urllib.parse import quote
    return "#draw?" + "&".join(f"{key}={quote(value)}" for key in url_keys())
