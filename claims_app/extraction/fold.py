"""Case folding that keeps offsets.

Python's `re` scans much faster without IGNORECASE when a pattern can be
written in lower case: so the extractor lowers ASCII letters once per text
and matches lower-case patterns on that copy. Only ASCII letters change, so
every offset in the copy is the same offset in the original, where quotes and
names are then read.
"""

import string

_TABLE = str.maketrans(string.ascii_uppercase, string.ascii_lowercase)


def ascii_lower(text: str) -> str:
    """Lower case with the same length, so offsets carry over.

    str.lower() is fast; it also lowers non-ASCII letters, which is harmless
    (the patterns are ASCII), and in a handful of cases ("İ") it changes the
    length, which we detect and then fall back to lowering ASCII only.
    """
    low = text.lower()
    return low if len(low) == len(text) else text.translate(_TABLE)
