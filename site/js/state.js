// The page's state, in the URL hash, so any view is a link someone can share.
//
//   #perceptron?w1=2&w2=-3&model=mlp
//
// The part before "?" is the section in view; after it, each part of the page
// keeps its own keys. Writing never adds history entries (no Back-button spam).

function parse() {
  const [section, query = ""] = location.hash.replace(/^#/, "").split("?");
  return { section, params: new URLSearchParams(query) };
}

/** The value stored under `key`, or `fallback`. */
export function getParam(key, fallback = null) {
  return parse().params.get(key) ?? fallback;
}

/** Store several keys at once; a null or undefined value removes its key. */
export function setParams(changes) {
  const { section, params } = parse();
  for (const [key, value] of Object.entries(changes)) {
    if (value === null || value === undefined) params.delete(key);
    else params.set(key, String(value));
  }
  write(section, params);
}

export function getSection() {
  return parse().section;
}

export function setSection(section) {
  write(section, parse().params);
}

function write(section, params) {
  const query = params.toString();
  const hash = section || query ? `#${section}${query ? `?${query}` : ""}` : "";
  if (hash !== location.hash) history.replaceState(null, "", hash || location.pathname + location.search);
}
