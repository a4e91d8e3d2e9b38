"""Language identification: an ISO 639-1 code for a text, "" rather than a wrong guess."""

from __future__ import annotations

import subprocess
import sys

import pytest

from desktop.core.language import identify, language_tag

# Written for these tests: one claim-like sentence and one paragraph per language.
SAMPLES = {
    "fr": (
        "Le maire a menti sur le budget de la ville.",
        "Le conseil municipal a adopté jeudi soir un budget en hausse de cinq pour cent, "
        "malgré l’opposition qui dénonce des chiffres « insincères ». Selon le maire, les "
        "dépenses supplémentaires financeront la rénovation de trois écoles.",
    ),
    "en": (
        "The mayor lied about the city budget.",
        "The city council approved a budget on Thursday evening that rises by five percent, "
        "despite objections from the opposition, which called the figures misleading. "
        "According to the mayor, the extra spending will pay for three schools.",
    ),
    "de": (
        "Der Bürgermeister hat über den Haushalt gelogen.",
        "Der Stadtrat hat am Donnerstagabend einen Haushalt verabschiedet, der um fünf "
        "Prozent steigt, obwohl die Opposition die Zahlen als irreführend bezeichnet. Nach "
        "Angaben des Bürgermeisters sollen drei Schulen saniert werden.",
    ),
    "pt": (
        "O prefeito mentiu sobre o orçamento da cidade.",
        "A câmara municipal aprovou na quinta-feira à noite um orçamento com aumento de "
        "cinco por cento, apesar da oposição, que considera os números enganosos. Segundo "
        "o prefeito, as despesas adicionais vão financiar a reforma de três escolas.",
    ),
    "es": (
        "El alcalde mintió sobre el presupuesto de la ciudad.",
        "El ayuntamiento aprobó el jueves por la noche un presupuesto que aumenta un cinco "
        "por ciento, pese a la oposición, que califica las cifras de engañosas. Según el "
        "alcalde, el gasto adicional financiará la reforma de tres escuelas.",
    ),
    "zh": (
        "市长在预算问题上撒了谎。",
        "市议会周四晚间通过了一项增长百分之五的预算，尽管反对派称这些数字具有误导性。"
        "据市长介绍，新增支出将用于翻修三所学校和扩建公交网络。",
    ),
    "ru": (
        "Цены на энергию наконец падают.",
        "Городской совет в четверг вечером утвердил бюджет, который вырастет на пять "
        "процентов, несмотря на возражения оппозиции, назвавшей цифры вводящими в "
        "заблуждение. По словам мэра, расходы пойдут на ремонт трёх школ.",
    ),
    "it": (
        "Il sindaco ha mentito sul bilancio della città.",
        "Il consiglio comunale ha approvato giovedì sera un bilancio in aumento del cinque "
        "per cento, nonostante l'opposizione definisca le cifre fuorvianti. Secondo il "
        "sindaco, la spesa aggiuntiva finanzierà la ristrutturazione di tre scuole.",
    ),
    "ar": (
        "كذب رئيس البلدية بشأن الميزانية.",
        "وافق المجلس البلدي مساء الخميس على ميزانية ترتفع بنسبة خمسة في المئة، رغم اعتراض "
        "المعارضة التي وصفت الأرقام بأنها مضللة. وقال رئيس البلدية إن الإنفاق الإضافي سيمول "
        "ترميم ثلاث مدارس.",
    ),
    "ja": (
        "市長は予算について嘘をついた。",
        "市議会は木曜日の夜、五パーセント増の予算案を可決した。野党は数字が誤解を招くと"
        "批判している。市長によると、追加の支出は三つの学校の改修に充てられる。",
    ),
}


@pytest.mark.parametrize("lang", sorted(SAMPLES))
def test_a_paragraph_is_identified(lang):
    assert identify(SAMPLES[lang][1]) == lang


@pytest.mark.parametrize("lang", sorted(SAMPLES))
def test_one_sentence_is_identified(lang):
    assert identify(SAMPLES[lang][0]) == lang


def test_portuguese_and_german_are_no_longer_english():
    """What the old stop-word guess stored as "en"."""
    assert identify(SAMPLES["pt"][1] + " " + SAMPLES["pt"][0]) == "pt"
    assert identify(SAMPLES["de"][1] + " " + SAMPLES["de"][0]) == "de"


@pytest.mark.parametrize("text", ["", "   ", "\n\n", "Oui.", "OK", "Thank you.", "12 345,67 €"])
def test_empty_or_too_short_text_is_unknown(text):
    assert identify(text) == ""


def test_a_text_with_no_words_is_unknown():
    assert identify("https://example.org/a/b?c=1 @someone #2024 1.234.567 — 42 %") == ""
    assert identify("→ ★ ✓ ♥ … ❤️🔥👍 " * 20) == ""


def test_links_handles_and_capitals_do_not_mislead():
    tweet = (
        "BREAKING: THE MAYOR LIED ABOUT THE BUDGET pic.twitter.com/AbCdEf123 — "
        "Jane Doe (@jdoe) https://t.co/xyz #budget"
    )
    assert identify(tweet) == "en"


def test_a_long_text_is_read_only_in_part_and_quickly():
    import time

    text = SAMPLES["fr"][1] * 5000  # about 1 MB
    identify("Le maire a menti sur le budget de la ville.")  # the model is loaded once
    started = time.monotonic()
    assert identify(text) == "fr"
    assert time.monotonic() - started < 2


@pytest.mark.parametrize(
    ("tag", "code"),
    [
        ("fr", "fr"),
        ("de-DE", "de"),
        ("en_US", "en"),
        ("pt-BR", "pt"),
        ("zh-Hant-TW", "zh"),
        ("FR", "fr"),
        (" es ", "es"),
        ("DE, AT, CH", "de"),
        ("iw", "he"),
        ("nb-NO", "no"),
        ("x-default", ""),
        ("und", ""),
        ("deu", ""),
        ("", ""),
        ("é-x", ""),
    ],
)
def test_declared_language_tags(tag, code):
    assert language_tag(tag) == code


def test_importing_the_module_loads_no_model():
    """Start-up stays light: the identifier and NumPy load on the first identify()."""
    code = (
        "import sys, desktop.core.language as L\n"
        "assert 'py3langid' not in sys.modules and 'numpy' not in sys.modules\n"
        "assert L.identify('Bonjour.') == ''\n"  # too short: still nothing loaded
        "assert 'py3langid' not in sys.modules\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, timeout=60)


def test_a_missing_model_leaves_the_language_unknown(monkeypatch):
    """A bundle built without py3langid's data still imports articles, with no language."""
    import py3langid.langid

    import desktop.core.language as language

    monkeypatch.setattr(language, "_identifier", None)
    monkeypatch.setattr(language, "_unavailable", False)
    monkeypatch.setattr(py3langid.langid, "MODEL_FILE", "data/no-such-model.npz.xz")
    assert identify(SAMPLES["fr"][1]) == ""
    assert language._unavailable  # tried once, not at every article
