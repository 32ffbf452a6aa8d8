"""Draw the app's icons (site/img/icon-192.png, icon-512.png) from site/img/favicon.svg with Chromium.

An installed app needs square PNG icons; the favicon is the source of truth, so this script
paints it at each size instead of keeping hand-made copies. Run it after changing the favicon:
    .venv/bin/python tools/make_icons.py
"""

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))

import chromium  # noqa: E402

SIZES = [192, 512]


def main():
    from playwright.sync_api import sync_playwright
    svg = (ROOT / "site" / "img" / "favicon.svg").read_text()
    with sync_playwright() as playwright:
        browser = chromium.launch(playwright)
        for size in SIZES:
            page = browser.new_page(viewport={"width": size, "height": size})
            page.set_content(f'<body style="margin:0;background:transparent">'
                             f'{svg.replace("<svg ", f"<svg width={size} height={size} ", 1)}</body>')
            page.screenshot(path=str(ROOT / "site" / "img" / f"icon-{size}.png"), omit_background=True)
            page.close()
        browser.close()


if __name__ == "__main__":
    main()
