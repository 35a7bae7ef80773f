"""Reading what a page says about authors: its JSON-LD."""

import json
import re

JSON_LD = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.DOTALL)


def json_ld(html: str) -> list[dict]:
    return [json.loads(block) for block in JSON_LD.findall(html)]


def of_type(html: str, kind: str) -> dict:
    return next(item for item in json_ld(html) if item["@type"] == kind)
