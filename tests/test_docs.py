"""The docs police themselves: every command has help text and is in the README."""

from __future__ import annotations

from pathlib import Path

import click

from eventwire.cli import cli
from eventwire.config import SETTING_HELP, Settings

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")


def test_every_command_has_a_docstring_and_a_readme_section():
    for name, command in cli.commands.items():
        assert command.help and command.help.strip(), f"eventwire {name} has no docstring"
        assert f"eventwire {name}" in README, f"README does not show `eventwire {name}`"


def test_every_option_has_help():
    for name, command in cli.commands.items():
        for param in command.params:
            if isinstance(param, click.Option):
                assert param.help, f"eventwire {name} {param.opts[0]} has no help"


def test_every_setting_is_documented():
    assert set(SETTING_HELP) == set(Settings.__dataclass_fields__)


def test_readme_names_the_two_setup_commands():
    assert "./scripts/demo.sh" in README and "./scripts/test.sh" in README
