"""Which language a text is written in, as an ISO 639-1 code ("fr", "de", "pt", "zh").

The article's language picks its sentence splitter, search stemming and suggestions, so a
wrong guess does more harm than none: `identify` answers "" when the text is too short or
the identifier is unsure, and the user can set the language by hand.

The identifier is py3langid (140 languages, its model inside the package, loaded with
NumPy without pickle). It was chosen on measurements over lingua (a 96 MB wheel, 1.2 GB
of memory in its accurate mode, more wrong answers in its light one), pycld2 (C++ fed
with untrusted text in the window's process, errors on control characters) and
langdetect (unmaintained, 5 ms a text). Loading its model takes about a second and 80 MB,
so it happens on the first call, never at start-up.
"""

from __future__ import annotations

import re
import threading

# The identifier's answer must carry at least this probability (its classes folded into
# ISO 639-1 languages): below it, short texts were as often wrong as right.
MIN_CONFIDENCE = 0.3
# Fewer letters than this (an ideograph counts for three) say too little to tell.
MIN_LETTERS = 12
# Enough text to be sure; more only costs time (about 0.5 ms per thousand characters).
MAX_CHARS = 10_000

# Classes of the model that are varieties of an ISO 639-1 language (ISO 639-3 macrolanguage
# members): Moroccan and Egyptian Arabic, Wu and Cantonese, and so on.
_MACRO = {
    "ary": "ar",
    "arz": "ar",
    "wuu": "zh",
    "yue": "zh",
    "uzs": "uz",
    "gug": "gn",
    "fuv": "ff",
    "kik": "ki",
    "sdh": "ku",
    "ltg": "lv",
    # Nigerian Pidgin has no ISO 639-1 code; the model also gives it the share of English
    # written informally (headlines in capitals, tweets), so that share goes back to English.
    "pcm": "en",
}
# Codes that pages and old software still use for a language that has another one now.
_RENAMED = {"iw": "he", "in": "id", "ji": "yi", "jw": "jv", "mo": "ro", "nb": "no", "sh": "sr"}

_NOISE = re.compile(
    r"(?:https?://|www\.)\S+|\b[\w-]+(?:\.[\w-]+)+/\S*"  # links
    r"|\S+@\S+\.\w+"  # e-mail addresses
    r"|[@#](?=\w)"  # the signs of handles and hashtags (their words are kept)
    r"|[\d_]+",  # numbers say nothing of the language
)
_CAPITALS = re.compile(r"\b[^\W\d_]{2,}\b")
_WIDE = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]")

_lock = threading.Lock()
_identifier = None
_unavailable = False


def identify(text: str) -> str:
    """The ISO 639-1 code of the language `text` is written in, or "" when unclear."""
    if not text:
        return ""
    sample = _NOISE.sub(" ", text[:MAX_CHARS])
    # A word in capitals (a headline, a shout) reads as lower case: the model saw few.
    sample = _CAPITALS.sub(lambda m: m[0].lower() if m[0].isupper() else m[0], sample)
    letters = sum(1 for ch in sample if ch.isalpha()) + 2 * len(_WIDE.findall(sample))
    if letters < MIN_LETTERS:
        return ""
    identifier = _model()
    if identifier is None:
        return ""
    folded: dict[str, float] = {}
    for label, probability in identifier.rank(sample):
        code = _MACRO.get(label, label)
        folded[code] = folded.get(code, 0.0) + probability
    best = max(folded, key=folded.__getitem__)
    if len(best) != 2 or folded[best] < MIN_CONFIDENCE:  # "zxx", "grc"…: no ISO 639-1 code
        return ""
    return _RENAMED.get(best, best)


def language_tag(tag: str) -> str:
    """The ISO 639-1 code in a declared language ("de-DE", "en_US", "zh-Hant-TW", "FR"),
    or "" when it names none ("x-default", "und", "deu")."""
    primary = re.split(r"[-_\s,;]", tag.strip(), maxsplit=1)[0].lower()
    if len(primary) != 2 or not primary.isascii() or not primary.isalpha():
        return ""
    return _RENAMED.get(primary, primary)


def _model():
    """py3langid's identifier with probabilities, loaded once for the process.

    None when the package or its model file is missing (a bundle built without its data):
    articles then get no language until one is set, rather than failing to import.
    """
    global _identifier, _unavailable
    with _lock:
        if _identifier is None and not _unavailable:
            try:
                from py3langid.langid import MODEL_FILE, LanguageIdentifier

                _identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
            except Exception:  # missing, truncated or foreign model file: same outcome
                _unavailable = True
        return _identifier
