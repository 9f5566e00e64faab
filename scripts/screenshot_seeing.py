"""Retake the screenshot of the "Seeing a parse" guide: a real page as ``arnews show --html``
renders it, taken in headless Chromium.

Usage (from the repository root; Debian/Ubuntu: ``apt-get install chromium fonts-noto-core``)::

    python scripts/screenshot_seeing.py            # writes docs/assets/screenshots/seeing.png
    python scripts/screenshot_seeing.py PAGE.txt --out /tmp/x.png --size 1200,900

The default page is an ANT corpus page (CNN Arabic, Apache-2.0) from ``tests/fixtures/real/``;
its credit is in that folder's README. Look at the image before committing it, and keep it
under 300 KB.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_PAGE = ROOT / "tests" / "fixtures" / "real" / "CN-middleEast-1017-20180525.txt"
DEFAULT_OUT = ROOT / "docs" / "assets" / "screenshots" / "seeing.png"
BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
LIMIT = 300_000


def main() -> int:
    args = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    args.add_argument("page", nargs="?", type=Path, default=DEFAULT_PAGE)
    args.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args.add_argument("--size", default="1200,860", help="window WIDTH,HEIGHT in pixels")
    options = args.parse_args()
    browser = next((b for b in map(shutil.which, BROWSERS) if b), None)
    if browser is None:
        print("no Chromium found: apt-get install chromium fonts-noto-core", file=sys.stderr)
        return 1
    sys.path.insert(0, str(ROOT / "src"))
    import arnews

    text = options.page.read_text("utf-8")
    page = arnews.render_html(text, arnews.parse(text), name=options.page.name)
    with tempfile.TemporaryDirectory() as tmp:
        html_file = Path(tmp) / "page.html"
        html_file.write_text(page, "utf-8")
        options.out.parent.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            [
                browser,
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--hide-scrollbars",
                "--no-first-run",
                "--disable-background-networking",
                f"--user-data-dir={Path(tmp) / 'profile'}",
                f"--window-size={options.size}",
                f"--screenshot={options.out.resolve()}",
                html_file.as_uri(),
            ],
            check=True,
            capture_output=True,
            timeout=120,
        )
    size = options.out.stat().st_size
    print(f"{options.out}: {size:,} bytes")
    if size > LIMIT:
        print(f"over {LIMIT:,} bytes: use a smaller --size", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
