"""Front-end bundles: page bundles reuse crs.js's modules instead of carrying copies."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("bundle", ["assignment.js", "tutor.js", "workspace.js"])
def test_page_bundles_share_one_storage_instance(site_dir, bundle):
    code = (site_dir / "assets" / "crs" / bundle).read_text(encoding="utf-8")
    # The storage key prefix only exists inside storage.js: a copy here would keep its own
    # in-memory fallback and miss same-tab changes made through crs.js.
    assert "crs.v1." not in code
    assert "crs.v1." in (site_dir / "assets" / "crs" / "crs.js").read_text(encoding="utf-8")
