"""The API's request parsers: DRF's, with JSON nested too deeply to parse answered as a 400."""

from rest_framework import parsers
from rest_framework.exceptions import ParseError


class JSONParser(parsers.JSONParser):
    """A small body of nested brackets ("[[[[…") exhausts Python's JSON decoder, which raises
    RecursionError rather than ValueError: refused like any other malformed JSON."""

    def parse(self, stream, media_type=None, parser_context=None):
        try:
            return super().parse(stream, media_type, parser_context)
        except RecursionError:
            raise ParseError("JSON parse error - nested too deeply.") from None
