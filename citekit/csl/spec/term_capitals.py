"""A term that starts a note, a sentence in a note, or a bibliography entry gets a capital.

A footnote is a sentence: citeproc-js capitalises a term (``ibid``, ``no date``, ``and``)
when it is the first thing in a note-style citation or follows a sentence's end (a cite
prefix "This has been said. "). A bibliography entry is one too, in every style class:
an entry with no author and no date starts "(N.d.-a)." in APA. In-text citations keep
terms as the locale writes them ("(n.d.)"), and so does a bibliography entry past its
start: Chicago's "Title. n.d." for an undated article with no journal. citeproc-py never
does this; here ``<text term>`` marks where a term begins and a step over the output
capitalises the marked terms in those places.

Fixtures: magic_CapitalizeFirstOccurringTerm, magic_TermCapitalizationWithPrefix,
label_NoFirstCharCapWithInTextClass; reference: chicago-notes-bibliography "N.d.", apa
"(N.d.-a).", harvard-cite-them-right "(No date a).".
"""

from __future__ import annotations

import re
from typing import Any

from citeproc import model
from citeproc.string import String

from citekit.csl.spec import element
from citekit.csl.spec import finish

TERM = "\ue030"  # a term in a note
ENTRY_TERM = "\ue031"  # a term in a bibliography entry: a capital at the start only
# A marked term at the very start (past tags, markers and opening brackets or quotes) or
# after a sentence's end.
_AT_START = re.compile(
    f"^((?:<[^>]*>|[\ue000-\ue0ff]|[(\\[“‘])*)[{TERM}{ENTRY_TERM}](\\W*)(\\w)"
)
_AFTER_STOP = re.compile(f"([.?!](?:<[^>]*>|[\ue000-\ue0ff])*\\s+(?:<[^>]*>)*){TERM}(\\W*)(\\w)")


def _is_note(root: Any) -> bool:
    return bool(root.get("class") == "note")


def _in_bibliography(item: Any) -> bool:
    # Set by the engine in the item's __dict__: a citeproc-py item keeps attributes as
    # dict keys and raises VariableError for a missing one.
    return bool(vars(item).get("in_bibliography"))


@element("text")
class Text(model.Text):
    def _term(self, item: Any) -> Any:
        text = super()._term(item)
        if text and _in_bibliography(item):
            return String(ENTRY_TERM) + text
        if text and _is_note(self.get_root()):
            return String(TERM) + text
        return text


@finish(5)
def capitalize_terms(html: str, root: Any) -> str:
    if TERM not in html and ENTRY_TERM not in html:
        return html

    def upper(m: re.Match[str]) -> str:
        return m.group(1) + m.group(2) + m.group(3).upper()

    def after_sentence(m: re.Match[str]) -> str:
        # One word and a period ("Cf.") is an abbreviation, not a sentence.
        before = re.sub(r"<[^>]*>", "", m.string[:m.start()]).strip()
        return upper(m) if " " in before else m.group(0)

    html = _AT_START.sub(upper, html)
    html = _AFTER_STOP.sub(after_sentence, html)  # TERM marks terms in notes only
    return html.replace(TERM, "").replace(ENTRY_TERM, "")
