"""Check-worthiness: how much a sentence looks like a statement worth checking.

Two parts add up, in logit space, to a score between 0 and 1:
- cues a checker would name, in French and English alike (a figure, a percentage, an
  amount, a date, a comparison, an attribution, a quotation, named people and
  institutions); each cue is one feature whatever language fired it, so weights learned
  on English debates carry over to French;
- word weights of a logistic regression trained on the CLEF-2019 CheckThat! debates by
  `python -m benchmarks.checkworthiness --train` (fixed seed), shipped as a small JSON
  file in resources/models/. English words only help English text; the cues do the rest.

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

# Each cue: a name shown to the checker, and what fires it (case-insensitive unless noted).
_CUE_PATTERNS: dict[str, str] = {
    "number": r"\d",  # checked on the sentence with its dates taken out (see cues())
    # "the two men", « les deux hommes »: a number word after a definite article counts
    # people already named, it states no quantity
    "number word": (
        r"(?<!the )(?<!les )(?<!ces )(?<!these )\b(?:"
        + "|".join(_NUMBER_WORDS.split())
        + r")\b|\bseule fois\b|\bonce\b"
    ),
    "percentage": r"\d\s?%|\bper ?cent\b|\bpour ?cent\b|\bpercentage\b|\bpourcentage\b",
    "amount": (
        r"[$€£¥]\s?\d|\d\s?[$€£¥]|\b(?:dollars?|euros?|pounds?|bucks|budget|tax(?:es)?|"
        r"deficit|debt|déficit|dette|impôts?|taxes?|salaire|salary|wages?|prix|price|cost|"
        r"coûte?)\b"
    ),
    "date": (
        r"\b(?:1[89]\d\d|20\d\d)\b|\b(?:" + "|".join(_MONTHS.split()) + r")\b|"
        r"\b(?:yesterday|last year|this year|hier|l'an dernier|l’an dernier|depuis|since)\b"
    ),
    "comparison": (
        r"\b(?:more|less|fewer|than|most|least|highest|lowest|largest|biggest|smallest|"
        r"worst|best|record|increase[sd]?|decrease[sd]?|doubled|tripled|rose|fell|grew|"
        r"plus|moins|davantage|hausse|baisse|augment\w*|diminu\w*|record|jamais|"
        r"premier|première|seul|seule|only|ever|never)\b|\b\w+est\b"
    ),
    "attribution": (
        r"\b(?:according to|said|says|told|reported|claimed|claims|announced|revealed|"
        r"denied|admitted|stated|selon|d'après|d’après|a déclaré|a dit|a affirmé|affirme|"
        r"assure|a indiqué|indiqué|a révélé|révél\w*|a annoncé|annonc\w*|dément\w*|"
        r"démenti\w*|a reconnu|aurait|auraient|accus\w*|report|study|survey|asked|urged|"
        r"ordered|a demandé|demandé|exhorté|ordonné|"
        r"étude|sondage|rapport|enquête)\b"
    ),
    "quotation": r"[«“\"]",
    # a statement given as a particular instance is a concrete one
    "instance": (
        r"\b(?:notamment|en particulier|par exemple|à savoir|for example|for instance|"
        r"in particular|notably|specifically|namely)\b"
    ),
    # what someone thinks rather than what happened: opinions are not checked
    "opinion": (
        r"\b(?:think|believe|feel|hope|should|must|want|wish|great|wonderful|terrible|"
        r"absurd|ridiculous|disgrace|concern(?:ed)?|worried|pense|crois|croit|estime|"
        r"estimant|espère|souhaite|devrait|doit|faut|inquiétude|inquiet|absurdes?|"
        r"ridicules?|scandaleu\w*|qualifi\w*|critiqu\w*)\b"
    ),
    "institution": (
        r"\b(?:government|congress|senate|administration|president|minister|court|police|"
        r"army|military|gouvernement|ministre|ministère|"
        r"président|présidente|parlement|assemblée|sénat|tribunal|armée|police|kremlin|"
        r"maison blanche|white house|élysée|commission|administration)\b"
    ),
}
_CUES = {name: re.compile(pattern, re.IGNORECASE) for name, pattern in _CUE_PATTERNS.items()}
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
    """The names of the cues a sentence fires, in a fixed order. A date is not a figure:
    "number" fires on the digits left once dates are taken out."""
    undated = _DATE.sub(" ", sentence)
    fired = [
        name
        for name, pattern in _CUES.items()
        if pattern.search(undated if name == "number" else sentence)
    ]
    if len(_NAME.findall(sentence)) >= 2:
        fired.append("names")
    if _ACRONYM.search(sentence) and not sentence.isupper():
        fired.append("acronym")
    return fired


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
    feats: dict[str, float] = {f"cue:{name}": 1.0 for name in cues(sentence)}
    for tag, neighbour in (("p", before), ("n", after)):
        if neighbour:
            for name in cues(neighbour):
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


@lru_cache(maxsize=1)
def shipped_model() -> Model:
    """The model in resources/models/; cues alone (unit weights) if the file is missing,
    so a damaged install still suggests something rather than failing."""
    from desktop.resources import resource_path

    path = resource_path(*MODEL_FILE)
    try:
        return Model.from_json(path.read_text(encoding="utf-8"))
    except (OSError, ValueError, KeyError):
        fallback = {f"cue:{name}": 1.0 for name in [*_CUE_PATTERNS, "names", "acronym"]}
        return Model(weights=fallback, bias=-3.0, name="cues-only")
