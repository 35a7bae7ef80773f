"""The demo's prose and vocabularies, kept as TOML files in demo/data/.

Each file is read once, on first use. `roles()` and `guides()` give the demo roles and guides as
the loader works with them; the generators turn their own files into their own types.
"""

import tomllib
from functools import cache
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent / "data"


@cache
def read(name: str) -> dict:
    """The parsed contents of demo/data/<name>.toml (shared: callers must not change them)."""
    with (DATA_DIR / f"{name}.toml").open("rb") as file:
        return tomllib.load(file)


@cache
def roles() -> list[dict]:
    """Structured role profiles: name, slug, summary, definition (Markdown), the list fields,
    tools by kind and industries with examples of the work."""
    return read("roles")["roles"]


@cache
def guides() -> list[dict]:
    """Guides explaining one role or comparing two; `second_role` is None for a single role, and
    each tip is a (lead-in, text) pair."""
    return [
        {
            **guide,
            "second_role": guide.get("second_role"),
            "tips": [(tip["lead_in"], tip["text"]) for tip in guide["tips"]],
        }
        for guide in read("guides")["guides"]
    ]


@cache
def authors() -> dict:
    """The demo authors (`authors`) and the slug of the one the guides are credited to
    (`guides_by`)."""
    return read("authors")
