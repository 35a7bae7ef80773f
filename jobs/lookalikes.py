"""Company names a reader would take for one another: "0penAI Labs" beside "OpenAI Labs".

`name_skeleton` reduces a name to how it looks, in the spirit of the Unicode "skeleton" of
UTS #39: compatibility forms folded (NFKC: full-width letters, ligatures), letters of other
scripts that look Latin replaced by the Latin letter, case, accents, spaces and punctuation
dropped, and the digits and letter pairs that pass for others merged ("0" and "o"; "1", "l"
and "I"; "rn" and "m"). Two names with the same skeleton are confusable. The skeleton is
stored on the company (`Company.name_skeleton`, indexed), so a sign-up finds a look-alike in one
indexed query.

The table is our own and short on purpose: it holds the Cyrillic and Greek capitals and small
letters that are drawn like Latin ones, which is what an impostor uses; the libraries that ship
Unicode's full confusables data answer "does this string mix scripts?", not "do these two
names look the same?".
"""

import re
import unicodedata

# Cyrillic and Greek letters drawn like a Latin letter, by their own case (a capital may look
# like a Latin letter its small form does not: "Н" and "н").
_LOOK_ALIKE_LETTERS = {
    # Cyrillic capitals
    "А": "a", "В": "b", "Е": "e", "Ѕ": "s", "І": "l", "Ј": "j", "К": "k", "М": "m", "Н": "h",
    "О": "o", "Р": "p", "С": "c", "Т": "t", "У": "y", "Х": "x", "Ү": "y", "Һ": "h", "Ԛ": "q",
    "Ԝ": "w", "Ӏ": "l",
    # Cyrillic small letters
    "а": "a", "е": "e", "ѕ": "s", "і": "l", "ј": "j", "о": "o", "р": "p", "с": "c", "у": "y",
    "х": "x", "һ": "h", "ԁ": "d", "ԛ": "q", "ԝ": "w", "ӏ": "l", "ү": "y", "ь": "b",
    # Greek capitals
    "Α": "a", "Β": "b", "Ε": "e", "Ζ": "z", "Η": "h", "Ι": "l", "Κ": "k", "Μ": "m", "Ν": "n",
    "Ο": "o", "Ρ": "p", "Τ": "t", "Υ": "y", "Χ": "x",
    # Greek small letters
    "α": "a", "ι": "l", "κ": "k", "ν": "v", "ο": "o", "ρ": "p", "υ": "u", "χ": "x",
}  # fmt: skip
_LETTERS = str.maketrans(_LOOK_ALIKE_LETTERS)
# After case folding: digits and letters drawn like others.
_GLYPHS = str.maketrans({"0": "o", "1": "l", "i": "l", "|": "l", "!": "l"})
# Pairs of letters that pass for one when set close together.
_PAIRS = [("rn", "m"), ("vv", "w")]
_NOT_LETTER_OR_DIGIT = re.compile(r"[^a-z0-9]+")


def name_skeleton(name: str) -> str:
    """How `name` looks: equal for "OpenAI Labs", "0pen AI labs", "ОpenAI Labs" (Cyrillic О)
    and "ＯｐｅｎＡＩ Ｌａｂｓ"; different for "Data Labs" and "Deep Labs"."""
    text = unicodedata.normalize("NFKC", name).translate(_LETTERS).casefold()
    # Accents go: "Ópenai" looks like "Openai" at a glance.
    text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    text = text.translate(_GLYPHS)
    text = _NOT_LETTER_OR_DIGIT.sub("", text)
    for pair, letter in _PAIRS:
        text = text.replace(pair, letter)
    return text
