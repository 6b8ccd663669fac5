"""The accord command as a person runs it: real processes, real files, real exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.command import ROOT, accord

EXAMPLE = ROOT / "examples" / "money_and_holidays.yaml"


def test_solve_json_prints_the_documented_object() -> None:
    done = accord("solve", str(EXAMPLE), "--json")
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert data["status"] == "ok"
    assert data["parties"] == ["jo", "ravi"]
    for name in ("nash", "kalai_smorodinsky", "egalitarian", "utilitarian", "compromise"):
        assert set(data[name]) >= {"package", "utility"}
    assert data["recommended"]["rule"] == "nash_over_compromise"
    assert all(g >= 0 for g in data["recommended"]["gain"].values())
    assert data["frontier"] and all(set(f) == {"package", "utility"} for f in data["frontier"])


def test_solve_prints_a_readable_report() -> None:
    done = accord("solve", str(EXAMPLE))
    assert done.returncode == 0, done.stderr
    assert "Meeting in the middle vs Accord's recommendation" in done.stdout
    assert "What would need to be true" in done.stdout


def test_bad_input_exits_2_with_the_place_and_the_fix(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(EXAMPLE.read_text().replace("summer_holiday: 2,", "summer_holdiay: 2,"))
    done = accord("solve", str(bad))
    assert done.returncode == 2
    assert str(bad) in done.stderr and "Did you mean 'summer_holiday'?" in done.stderr


def test_an_incompatible_scenario_exits_1_and_says_where(tmp_path: Path) -> None:
    path = tmp_path / "no.yaml"
    path.write_text(EXAMPLE.read_text().replace("reservation: 35", "reservation: 95"))
    done = accord("solve", str(path), "--json")
    assert done.returncode == 1
    data = json.loads(done.stdout)
    assert data["status"] == "incompatible" and data["conflict"]["topics"]


def test_report_writes_a_self_contained_page(tmp_path: Path) -> None:
    out = tmp_path / "deep" / "report.html"
    done = accord("report", str(EXAMPLE), "-o", str(out))
    assert done.returncode == 0, done.stderr
    html = out.read_text()
    assert "<svg" in html and "Ravi" in html


def test_improve_finds_a_better_package_than_a_split_the_difference_deal() -> None:
    done = accord(
        "improve",
        str(EXAMPLE),
        "--json",
        "-a",
        "monthly_savings=ten_percent",
        "-a",
        "summer_holiday=camping_trip",
        "-a",
        "winter_break=home_together",
        "-a",
        "accounts=joint_for_bills_plus_own",
    )
    assert done.returncode == 0, done.stderr
    better = json.loads(done.stdout)
    assert better and all(b["utility"]["jo"] >= 72.2 and b["utility"]["ravi"] >= 55 for b in better)


def test_improve_rejects_an_unknown_option() -> None:
    done = accord("improve", str(EXAMPLE), "-a", "accounts=piggy_bank")
    assert done.returncode == 3 and "'piggy_bank' is not an option of 'accounts'" in done.stderr


def test_schema_prints_json_schema() -> None:
    done = accord("schema")
    assert json.loads(done.stdout)["title"] == "Accord scenario"


@pytest.mark.parametrize(
    "command", ["solve", "report", "improve", "schema", "check", "casino", "coach", "eval"]
)
def test_every_command_has_help(command: str) -> None:
    done = accord(command, "--help")
    assert done.returncode == 0 and "Usage" in done.stdout


def test_every_command_is_documented_in_the_readme() -> None:
    readme = (ROOT / "README.md").read_text()
    for command in [
        "solve",
        "report",
        "improve",
        "schema",
        "check",
        "casino",
        "coach",
        "eval coach",
    ]:
        assert f"accord {command}" in readme


def _every_command() -> list[tuple[str, ...]]:
    import typer

    from accord.cli.app import app

    root = typer.main.get_command(app)
    assert isinstance(root, typer.core.TyperGroup)
    found: list[tuple[str, ...]] = []
    for name, command in root.commands.items():
        if isinstance(command, typer.core.TyperGroup):
            found.extend((name, sub) for sub in command.commands)
        else:
            found.append((name,))
    return found


@pytest.mark.parametrize("path", _every_command(), ids=" ".join)
def test_every_command_has_help_with_an_example(path: tuple[str, ...]) -> None:
    from typer.testing import CliRunner

    from accord.cli.app import app

    done = CliRunner().invoke(app, [*path, "--help"])
    assert done.exit_code == 0, done.output
    assert "Example" in done.output, path
