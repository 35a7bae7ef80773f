"""SQL that only PostgreSQL runs: triggers and columns its features fill (SQLite, the embedded
default, does without them)."""

from collections.abc import Callable
from typing import Any


def on_postgresql(sql: str) -> Callable[[Any, Any], None]:
    """A migration step (for RunPython) that runs `sql` on PostgreSQL and nothing elsewhere."""

    def run(apps: Any, schema_editor: Any) -> None:
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(sql)

    return run
