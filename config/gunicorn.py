"""gunicorn's settings for `make serve` (and the benchmark and scale-out check that start it).

Only a proxy named in FORWARDED_ALLOW_IPS (default: this machine) is believed about the scheme,
and only through X-Forwarded-Proto. No request header ever becomes SCRIPT_NAME, PATH_INFO or
REMOTE_USER: gunicorn's default lets a trusted address set them, and a local proxy that passes
client headers through would let any visitor put every link of a page under a prefix of their
choosing (or, with a prefix that does not match the path, get a "500 Bad Request"). A
deployment mounted under a prefix names the headers its proxy sets in FORWARDER_HEADERS.
"""

import os

forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1,::1")
forwarder_headers = os.environ.get("FORWARDER_HEADERS", "")
secure_scheme_headers = {"X-FORWARDED-PROTO": "https"}
# Headers whose names hold an underscore are dropped: "X_Forwarded_For" cannot pose as another.
header_map = "drop"


def post_worker_init(worker: object) -> None:
    """Once the worker has loaded the site, its objects (modules, models, URL patterns,
    settings: most of the heap, and never garbage) leave the garbage collector's view. A full
    collection walked them all every so often, a few tenths of a millisecond a request on
    average; now collections look only at what requests make."""
    import gc

    from django.urls import get_resolver

    get_resolver().url_patterns  # noqa: B018 (loads the URLconf and the views it imports)
    gc.collect()
    gc.freeze()
