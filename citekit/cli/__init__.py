"""The click layer: parse arguments, call the core, print through ``console``, exit.

Exit codes: 0 success; 1 ``check`` found problems, ``fmt --check`` would change a file,
or ``--fix`` rewrote one; 2 the user must fix something (bad usage, unknown key or style,
unreadable or malformed input); 3 a bug in citekit (the traceback goes to a file).
Command modules import the core lazily, so ``citekit check`` never loads citeproc.
"""

from __future__ import annotations

import importlib
import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import click

from citekit import __version__
from citekit import config
from citekit.errors import CitekitError

EXIT_FINDINGS = 1
EXIT_USER = 2
EXIT_BUG = 3


class UserFacingError(click.ClickException):
    exit_code = EXIT_USER

    def show(self, file: Any = None) -> None:
        from citekit import console

        console.error(self.format_message())


@dataclass(frozen=True)
class Context:
    """What every command gets: settings and where the library is."""

    cfg: config.Config
    library: Path
    debug: bool = False


# command -> the module under citekit.cli that defines it
COMMANDS = {
    "add": "library", "format": "render", "cite": "render", "list": "library",
    "show": "library", "remove": "library", "styles": "render", "check": "check",
    "fmt": "check", "completion": "shell",
}  # fmt: skip


class CitekitGroup(click.Group):
    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except CitekitError as e:  # the one place user errors become output
            raise UserFacingError(str(e)) from e

    def list_commands(self, ctx: click.Context) -> list[str]:
        # in the order a new user needs them, not alphabetical
        names = list(dict.fromkeys([*COMMANDS, *super().list_commands(ctx)]))
        return [n for n in COMMANDS if n in names] + sorted(n for n in names if n not in COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        # a command's module is imported only when it runs: a pre-commit hook running
        # `check` never pays for the importers or the CSL engine
        if cmd_name not in self.commands and cmd_name in COMMANDS:
            importlib.import_module(f"citekit.cli.{COMMANDS[cmd_name]}")
        return super().get_command(ctx, cmd_name)


HELP = """Keep a BibTeX library tidy and cite from it with any CSL style.

\b
Examples:
  citekit add --type article --author "Pollmann, Mina" --title "..." --date 2023-02-07
  citekit add 10.1080/14799855.2021.1890105       # from a DOI
  citekit format --all                             # the whole library, belfer style
  citekit format pollmann2023japan --style apa --to html --copy
  citekit cite pollmann2023japan --locator 12      # (Pollmann 2023, 12)
  citekit check refs.bib                           # lint, for pre-commit and CI
  citekit fmt --check refs.bib

The library is --library PATH, else $CITEKIT_LIBRARY, else `library` in citekit.toml or
[tool.citekit] in pyproject.toml, else ./library.bib.

Exit codes: 0 ok, 1 findings (check, fmt --check), 2 bad input or usage, 3 a bug.
Shell completion: eval "$(citekit completion bash)" (or zsh, fish).
"""


@click.group(cls=CitekitGroup, help=HELP, context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--library",
    "-l",
    "library",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="The .bib (or CSL-JSON .json) library to use.",
)
@click.option(
    "--config",
    "config_path",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Settings file (default: citekit.toml or pyproject.toml found from here up).",
)
@click.option("--debug", is_flag=True, help="Print the full traceback if citekit crashes.")
@click.version_option(__version__, "--version", "-V", prog_name="citekit")
@click.pass_context
def cli(ctx: click.Context, library: Path | None, config_path: Path | None, debug: bool) -> None:
    try:
        cfg = config.load(config_path)
    except CitekitError as e:
        raise UserFacingError(str(e)) from e
    ctx.obj = Context(cfg=cfg, library=config.library_path(cfg, library), debug=debug)


def main(argv: list[str] | None = None) -> None:
    """Entry point: run the CLI; a crash is a bug, reported in one line (exit 3)."""
    debug = "--debug" in (argv if argv is not None else sys.argv[1:])
    # a stream closed by the shell (`citekit list >&-`) is None in Python: output to it is
    # discarded, as the user asked, instead of crashing on the first write
    for name in ("stdout", "stderr"):
        if getattr(sys, name) is None:
            setattr(sys, name, open(os.devnull, "w", encoding="utf-8"))
    try:
        # not standalone: click would turn Ctrl-C into "Aborted!" and exit 1, the code
        # that means "check found problems" to a hook
        code = cli.main(args=argv, prog_name="citekit", standalone_mode=False)
    except SystemExit:
        raise
    except click.ClickException as e:
        e.show()
        raise SystemExit(e.exit_code) from None
    except (KeyboardInterrupt, click.exceptions.Abort):
        sys.stderr.write("interrupted\n")
        raise SystemExit(130) from None
    except BrokenPipeError:
        # the reader went away (e.g. `| head`); nothing more to say
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        raise SystemExit(0) from None
    except Exception:  # noqa: BLE001 - the last-resort handler: anything here is a bug
        import tempfile  # only now: a hook's run should not pay for the crash report
        import traceback

        text = traceback.format_exc()
        if debug:
            sys.stderr.write(text)
        fd, name = tempfile.mkstemp(prefix="citekit-crash-", suffix=".txt")
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(text)
        sys.stderr.write(
            f"citekit: internal error (a bug, not your input): {text.strip().splitlines()[-1]}; "
            f"the traceback is in {name} (--debug prints it); please report it\n"
        )
        raise SystemExit(EXIT_BUG) from None
    raise SystemExit(code if isinstance(code, int) else 0)


pass_context = click.make_pass_decorator(Context)
