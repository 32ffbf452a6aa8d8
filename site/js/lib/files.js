// Files out of the page: downloads the visitor keeps.

import { fileBytes } from "./arrays.js";

/** Offer a file Python made (its bytes in base64, as Python sends a file) as a download. */
export function offerDownload(/** @type {string} */ filename, /** @type {string} */ base64, type = "application/octet-stream") {
  offerFile(filename, fileBytes(base64), type);
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
