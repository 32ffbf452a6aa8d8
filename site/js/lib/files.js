// Files out of the page: downloads the visitor keeps.

/** Offer bytes (base64, as Python sends them) as a file download. */
export function offerDownload(/** @type {string} */ filename, /** @type {string} */ base64, type = "application/octet-stream") {
  offerFile(filename, bytesFromBase64(base64), type);
}

/** Offer `contents` (bytes or text) as a file download named `filename`. */
export function offerFile(/** @type {string} */ filename, /** @type {BlobPart} */ contents, /** @type {string} */ type) {
  const url = URL.createObjectURL(new Blob([contents], { type }));
  const link = Object.assign(document.createElement("a"), { href: url, download: filename });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function bytesFromBase64(/** @type {string} */ base64) {
  return Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
}
