from __future__ import annotations

from pathlib import Path

import pytest

from citekit import config
from citekit.errors import CitekitError


@pytest.mark.parametrize(
    ("name", "text", "message"),
    (
        pytest.param("pyproject.toml", '[tool]\ncitekit = "x"\n',
                     "{path}: [tool.citekit] must be a table of settings; fix the file",
                     id="tool.citekit not a table"),
        pytest.param("pyproject.toml", "tool = 5\n",
                     "{path}: [tool.citekit] must be a table of settings; fix the file",
                     id="tool not a table"),
        pytest.param("citekit.toml", "[check\n",
                     "{path}:1:7: not valid TOML (Expected ']' at the end of a table "
                     "declaration); fix the file", id="bad TOML, with its position"),
        pytest.param("citekit.toml", "a = ",
                     "{path}: not valid TOML (Invalid value (at end of document)); fix the file",
                     id="bad TOML at the end"),
    ),
)  # fmt: skip
def test_load_bad_settings_is_a_user_error(
    tmp_path: Path, name: str, text: str, message: str
) -> None:
    # a [tool] or tool.citekit that is not a table crashed (AttributeError, exit 3)
    path = tmp_path / name
    path.write_text(text)
    with pytest.raises(CitekitError) as e:
        config.load(path)
    assert str(e.value) == message.format(path=path)


@pytest.mark.parametrize(
    ("source", "expected"),
    (
        pytest.param(None, "[tool.citekit.fmt]", id="no settings file"),
        pytest.param(Path("a/citekit.toml"), "a/citekit.toml: [fmt]", id="citekit.toml"),
        pytest.param(Path("my.toml"), "my.toml: [fmt]", id="--config another toml"),
        pytest.param(Path("a/pyproject.toml"), "a/pyproject.toml: [tool.citekit.fmt]",
                     id="pyproject.toml"),
    ),
)  # fmt: skip
def test_table_name_is_the_file_and_the_table_as_written(
    source: Path | None, expected: str
) -> None:
    assert config.table_name(config.Config(source=source), "fmt") == expected
