"""`citekit completion`: the shell completion script."""

from __future__ import annotations

import click

from citekit import console
from citekit.cli import cli


@cli.command("completion")
@click.argument("shell", type=click.Choice(["bash", "zsh", "fish"]))
def completion_command(shell: str) -> None:
    """Print the completion script for SHELL.

    \b
    Examples:
      eval "$(citekit completion bash)"     # in ~/.bashrc
      eval "$(citekit completion zsh)"      # in ~/.zshrc
      citekit completion fish > ~/.config/fish/completions/citekit.fish
    """
    from click.shell_completion import get_completion_class

    cls = get_completion_class(shell)
    assert cls is not None  # click knows the three shells offered by the Choice
    comp = cls(cli, {}, "citekit", "_CITEKIT_COMPLETE")
    console.raw(comp.source() + "\n")
