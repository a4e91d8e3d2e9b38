"""Check-worthiness: how much a sentence looks like a statement worth checking.

Two parts add up, in logit space, to a score between 0 and 1:
- cues a checker would name, in French and English alike (a figure, a percentage, an
  amount, a date, a comparison, an attribution, a quotation, named people and
  institutions); each cue is one feature whatever language fired it, so weights learned
  on English debates carry over to French;
- word weights of a logistic regression trained on the CLEF-2019 CheckThat! debates by
  `python -m benchmarks.checkworthiness --train` (fixed seed), shipped as a small JSON
  file in resources/models/.

English words only help English text, and cue weights learned next to them are what is
left once the words have explained most sentences: too weak for a text whose words the
model does not know. So a text in any other language is scored by a second model,
trained the same way on the cues, shape and context alone (`model_for`).

Inference is plain Python (dictionary look-ups and a sum), so start-up loads no numeric
library and a 100,000-word article scores in well under a second.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass, field
from functools import lru_cache

MODEL_FILE = ("models", "checkworthiness.json")
CUES_MODEL_FILE = ("models", "checkworthiness-cues.json")
WORD_FEATURES = ("w:", "b:")  # what only the English model has weights for

_NUMBER_WORDS = (
    "one two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty "
    "hundred hundreds thousand thousands million millions billion billions trillion trillions "
    "twice triple double half dozen dozens "
    "deux trois quatre cinq six sept huit neuf dix onze douze vingt trente quarante cinquante "
    "soixante cent cents mille million millions milliard milliards moitié double triple "
    "douzaine dizaine dizaines centaine centaines"
)
_MONTHS = (
    "january february march april may june july august september october november december "
    "janvier février mars avril mai juin juillet août septembre octobre novembre décembre"
)


@dataclass(frozen=True)
class _Cue:
    """What fires a cue: a lower-cased word, a word beginning, a two-word phrase, or a
    pattern over the sentence (set look-ups, so a book's sentences score in a second)."""

    words: frozenset = frozenset()
    prefixes: tuple = ()
    phrases: frozenset = frozenset()
    pattern: re.Pattern | None = None


def _cue(words: str = "", prefixes: str = "", phrases: tuple = (), pattern: str = "") -> _Cue:
    return _Cue(
        frozenset(words.split()),
        tuple(prefixes.split()),
        frozenset(phrases),
        re.compile(pattern, re.IGNORECASE) if pattern else None,
    )


# Each cue: the name shown to the checker, and what fires it (in French or English).
_CUE_TABLE: dict[str, _Cue] = {
    # digits left once dates are taken out (see cues()): a date is not a figure
    "number": _cue(pattern=r"\d"),
    # number words; "the two men", « les deux hommes » count people already named and
    # state no quantity, so a number word after a definite article does not count
    "number word": _cue(phrases=("seule fois",)),
    "percentage": _cue(
        "percent percentage pourcentage",
        phrases=("per cent", "pour cent"),
        pattern=r"\d\s?%",
    ),
    "amount": _cue(
        "dollar dollars euro euros pound pounds bucks budget tax taxes deficit debt déficit "
        "dette impôt impôts salaire salary wage wages prix price cost coût coûte",
        pattern=r"[$€£¥]\s?\d|\d\s?[$€£¥]",
    ),
    "date": _cue(
        _MONTHS + " yesterday hier depuis since",
        phrases=("last year", "this year", "l'an dernier"),
        pattern=r"\b(?:1[89]\d\d|20\d\d)\b",
    ),
    "comparison": _cue(
        "more less fewer than most least highest lowest largest biggest smallest worst best "
        "record increase increased increases decrease decreased decreases doubled tripled "
        "rose fell grew plus moins davantage hausse baisse jamais premier première seul "
        "seule only ever never",
        "augment diminu",
    ),
    "attribution": _cue(
        "said says told reported claimed claims announced revealed denied admitted stated "
        "selon d'après affirme assure indiqué aurait auraient report study survey asked "
        "urged ordered demandé exhorté ordonné étude sondage rapport enquête",
        "révél annonc accus",
        ("according to", "a déclaré", "a dit", "a affirmé", "a reconnu"),
    ),
    "quotation": _cue(pattern=r"[«“\"]"),
    # saying that something is false is itself a claim, and a classic one to check
    "denial": _cue(
        "denied denies deny denial untrue false wrong lie lies lying nié nient nie faux "
        "fausse contredit refuted",
        "démenti dément inexact mensonge réfute",
        ("not true", "never said"),
    ),
    # a statement given as a particular instance is a concrete one
    "instance": _cue(
        "notamment notably specifically namely",
        phrases=(
            "en particulier",
            "par exemple",
            "à savoir",
            "for example",
            "for instance",
            "in particular",
        ),
    ),
    # what someone thinks rather than what happened: opinions are not checked
    "opinion": _cue(
        "think believe feel hope should must want wish great wonderful terrible absurd "
        "ridiculous disgrace concern concerned worried pense crois croit estime estimant "
        "espère souhaite devrait doit faut inquiétude inquiet absurde absurdes ridicule "
        "ridicules",
        "scandaleu qualifi critiqu",
    ),
    # bodies that act, not the titles people are addressed by ("Mr. President")
    "institution": _cue(
        "government congress senate administration court police army military pentagon "
        "kremlin commission agency ministry parliament gouvernement ministère parlement "
        "assemblée sénat tribunal armée élysée matignon préfecture mairie conseil",
        phrases=("white house", "maison blanche"),
    ),
}
_NUMBER_WORD_SET = frozenset(_NUMBER_WORDS.split()) | {"once"}
_DETERMINERS = frozenset("the les ces these".split())
_TOKEN = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
# A capitalised word that does not begin the sentence: people, places, institutions.
_NAME = re.compile(r"(?<=[\s(«“\"'’-])[A-ZÀ-ÖØ-Þ][\w’'-]+")
_ACRONYM = re.compile(r"\b[A-Z]{2,6}\b")
_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*|\d+(?:[.,]\d+)*")
_QUESTION = re.compile(r"\?\s*[»”\"']?\s*$")
_FIRST_PERSON = re.compile(r"^\s*(?:I|we|je|nous|j['’])\b", re.IGNORECASE)


_DATE = re.compile(
    r"\b\d{1,2}(?:er)?\s+(?:" + "|".join(_MONTHS.split()) + r")\b|"
    r"\b(?:" + "|".join(_MONTHS.split()) + r")\s+\d{1,2}\b|\b(?:1[89]\d\d|20\d\d)\b",
    re.IGNORECASE,
)


def cues(sentence: str) -> list[str]:
    """The names of the cues a sentence fires, in a fixed order."""
    return list(_cues(sentence))


@lru_cache(maxsize=4096)  # each sentence is also its neighbours' context
def _cues(sentence: str) -> tuple[str, ...]:
    tokens = _TOKEN.findall(sentence.lower().replace("’", "'"))
    unique = set(tokens)
    pairs = {f"{a} {b}" for a, b in zip(tokens, tokens[1:], strict=False)}
    fired = []
    for name, cue in _CUE_TABLE.items():
        if name == "number word":
            hit = bool(pairs & cue.phrases) or any(
                token in _NUMBER_WORD_SET and (i == 0 or tokens[i - 1] not in _DETERMINERS)
                for i, token in enumerate(tokens)
            )
        elif name == "comparison":
            hit = not unique.isdisjoint(cue.words) or any(
                t.startswith(cue.prefixes) or (len(t) > 4 and t.endswith("est") and "'" not in t)
                for t in unique
            )
        else:
            hit = (
                not unique.isdisjoint(cue.words)
                or bool(cue.prefixes and any(t.startswith(cue.prefixes) for t in unique))
                or bool(cue.phrases and not pairs.isdisjoint(cue.phrases))
                or bool(
                    cue.pattern
                    and cue.pattern.search(
                        _DATE.sub(" ", sentence) if name == "number" else sentence
                    )
                )
            )
        if hit:
            fired.append(name)
    if len(_NAME.findall(sentence)) >= 2:
        fired.append("names")
    if _ACRONYM.search(sentence) and not sentence.isupper():
        fired.append("acronym")
    return tuple(fired)


_YEAR = re.compile(r"(?:1[89]|20)\d\d")


def words(sentence: str) -> list[str]:
    """Lower-cased word tokens; a year becomes "<year>" and any other number "<num>",
    so figures generalise."""
    return [
        ("<year>" if _YEAR.fullmatch(token) else "<num>")
        if token[0].isdigit()
        else token.lower().replace("’", "'")
        for token in _WORD.findall(sentence)
    ]


def features(sentence: str, before: str = "", after: str = "") -> dict[str, float]:
    """Everything the model weighs: cues, shape, words (unigrams and bigrams), and the
    cues of the sentences either side (a claim often comes with its figures next to it)."""
    feats: dict[str, float] = {f"cue:{name}": 1.0 for name in _cues(sentence)}
    for tag, neighbour in (("p", before), ("n", after)):
        if neighbour:
            for name in _cues(neighbour):
                feats[f"{tag}:{name}"] = 1.0
    tokens = words(sentence)
    n = len(tokens)
    feats["len:" + ("1-4" if n < 5 else "5-9" if n < 10 else "10-19" if n < 20 else "20+")] = 1.0
    feats["names:count"] = min(len(_NAME.findall(sentence)), 6) / 6
    if _QUESTION.search(sentence):
        feats["shape:question"] = 1.0
    if _FIRST_PERSON.search(sentence):
        feats["shape:first-person"] = 1.0
    for token in set(tokens):
        feats["w:" + token] = 1.0
    for a, b in set(zip(tokens, tokens[1:], strict=False)):
        feats[f"b:{a} {b}"] = 1.0
    return feats


@dataclass
class Model:
    """A linear model over `features`: weights by feature name and a bias."""

    weights: dict[str, float]
    bias: float = 0.0
    name: str = ""
    about: dict = field(default_factory=dict)

    def logit(self, feats: dict[str, float]) -> float:
        get = self.weights.get
        return self.bias + sum(value * get(key, 0.0) for key, value in feats.items())

    def score(self, sentence: str, before: str = "", after: str = "") -> float:
        """Probability-like check-worthiness in [0, 1]."""
        z = self.logit(features(sentence, before, after))
        return 1.0 / (1.0 + math.exp(-max(min(z, 30.0), -30.0)))

    def score_all(self, sentences: list[str]) -> list[float]:
        """Scores of consecutive sentences, each seen with its neighbours."""
        last = len(sentences) - 1
        return [
            self.score(s, sentences[i - 1] if i else "", sentences[i + 1] if i < last else "")
            for i, s in enumerate(sentences)
        ]

    def to_json(self) -> str:
        return json.dumps(
            {"name": self.name, "bias": self.bias, "about": self.about, "weights": self.weights},
            ensure_ascii=False,
            sort_keys=True,
            indent=0,
        )

    @classmethod
    def from_json(cls, raw: str) -> Model:
        data = json.loads(raw)
        return cls(
            weights={str(k): float(v) for k, v in data["weights"].items()},
            bias=float(data.get("bias", 0.0)),
            name=str(data.get("name", "")),
            about=dict(data.get("about", {})),
        )


@lru_cache(maxsize=2)
def shipped_model(words: bool = True) -> Model:
    """A model in resources/models/ (with word weights, for English, or cues alone);
    cues alone with unit weights if the file is missing, so a damaged install still
    suggests something rather than failing."""
    from desktop.resources import resource_path

    path = resource_path(*(MODEL_FILE if words else CUES_MODEL_FILE))
    try:
        return Model.from_json(path.read_text(encoding="utf-8"))
    except (OSError, ValueError, KeyError):
        fallback = {f"cue:{name}": 1.0 for name in [*_CUE_TABLE, "names", "acronym"]}
        return Model(weights=fallback, bias=-3.0, name="cues-only")


def model_for(language: str) -> Model:
    """The model that knows the text's words: the English one for English (and a text of
    unknown language, as the splitter assumes), the cues-only one for any other."""
    english = (language or "en").lower().startswith("en")
    return shipped_model() if english else shipped_model(False)  # one cache entry each
