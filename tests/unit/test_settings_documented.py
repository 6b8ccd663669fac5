"""Every setting is documented: a setting nobody can find is a setting nobody can use."""

from __future__ import annotations

import pytest

from accord.settings import SETTINGS, Settings
from tests.command import ROOT

DOC = (ROOT / "docs" / "configuration.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("setting", SETTINGS, ids=lambda s: s.name)
def test_every_setting_is_in_the_configuration_doc(setting: object) -> None:
    assert f"| {setting.name} | `{setting.env}` |" in DOC  # type: ignore[attr-defined]


def test_the_environment_sets_each_setting_and_explicit_values_win() -> None:
    env = {s.env: f"from-env-{s.name}" for s in SETTINGS}
    from_env = Settings.from_env(env)
    assert from_env.database_url == "from-env-database_url"
    assert Settings.from_env(env, locale="en-GB").locale == "en-GB"
    assert Settings.from_env({}).quick_exit_url.startswith("https://")
