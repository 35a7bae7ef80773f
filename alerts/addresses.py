"""One spelling per mailbox. The form, the lookups, the cap per address and the rate limits all
read an address through `normalize_address`, so that spellings the mail server delivers to one
mailbox (width, ligatures, invisible characters, the domain's case or script, quotes around a
plain local part) count as one address and cannot each get their own quota."""

import re
import unicodedata

from django.utils.encoding import punycode

INVALID = "Enter a valid email address."
HIDDEN = (
    "This address contains invisible or control characters (often from copying and pasting). "
    "Type it again by hand."
)
QUOTED = "Enter the address without quotation marks."

# What IDNA leaves out of a domain when mail is sent ("commonly mapped to nothing", RFC 3454
# B.1: soft hyphen, zero-width space, joiners, variation selectors, ...): dropped everywhere.
_MAPPED_TO_NOTHING = dict.fromkeys(
    [0x00AD, 0x034F, 0x1806, 0x180B, 0x180C, 0x180D, 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF]
    + list(range(0xFE00, 0xFE10))
)
# An unquoted local part (RFC 5322 dot-atom), ASCII only: what the mail backend can write.
_DOT_ATOM = re.compile(r"[-!#$%&'*+/=?^_`{|}~0-9A-Za-z]+(\.[-!#$%&'*+/=?^_`{|}~0-9A-Za-z]+)*\Z")
_LONGEST = 1000  # far past any real address; spares the work on a pasted essay


class AddressProblem(ValueError):
    """An address that cannot be normalized; its message is for the form."""


def _hidden(character: str) -> bool:
    category = unicodedata.category(character)
    return category[0] == "C" or category in ("Zl", "Zp") or (category == "Zs" and character != " ")


def normalize_address(address: str) -> str:
    """The address as the mail server receives it: NFKC, invisible characters dropped, a quoted
    local part unquoted, the domain in lower-case ASCII (IDNA, as the mail backend encodes it).
    The local part keeps its case (lookups ignore it). Raises AddressProblem."""
    if len(address) > _LONGEST:
        raise AddressProblem(INVALID)
    text = unicodedata.normalize("NFKC", address.strip()).translate(_MAPPED_TO_NOTHING).strip()
    if any(_hidden(character) for character in text):
        raise AddressProblem(HIDDEN)
    local, at, domain = text.rpartition("@")
    if not (local and at and domain):
        raise AddressProblem(INVALID)
    return f"{_unquoted(local)}@{_ascii_domain(domain)}"


def _unquoted(local: str) -> str:
    """`"alice"` is the mailbox `alice`; a quoted part that needs its quotes is refused."""
    if len(local) >= 2 and local[0] == local[-1] == '"':
        plain = re.sub(r"\\(.)", r"\1", local[1:-1])
        if not _DOT_ATOM.match(plain):
            raise AddressProblem(QUOTED)
        return plain
    return local


def _ascii_domain(domain: str) -> str:
    try:
        return punycode(domain).lower()
    except UnicodeError:  # an empty or overlong label, or a character IDNA refuses
        raise AddressProblem(INVALID) from None


def display_domain(domain: str) -> str:
    """The domain as its owner writes it (bücher.example for xn--bcher-kva.example)."""
    try:
        return domain.encode("ascii").decode("idna")
    except UnicodeError:
        return domain


def mailbox_key(address: str) -> str:
    """What the per-address limits count: the normalized address without a subaddress
    ("+tag"), which most mail servers deliver to the same mailbox."""
    local, _, domain = normalize_address(address).rpartition("@")
    return f"{local.split('+', 1)[0] or local}@{domain}"
