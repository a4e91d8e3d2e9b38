"""Big files are parsed in a child process, and its answers come back intact."""

from __future__ import annotations

import pickle

import pytest

from desktop.core.errors import ImportFailed
from desktop.core.importers import isolated


@pytest.fixture
def small_threshold(monkeypatch):
    monkeypatch.setattr(isolated, "SUBPROCESS_BYTES", 10)


def test_import_failed_survives_the_trip_between_processes():
    error = pickle.loads(pickle.dumps(ImportFailed("rapport.pdf", "is password-protected")))
    assert (error.source, error.problem, str(error)) == (
        "rapport.pdf",
        "is password-protected",
        "rapport.pdf: is password-protected",
    )


def test_a_big_file_is_parsed_in_a_child_process(tmp_path, small_threshold, monkeypatch):
    path = tmp_path / "long.txt"
    path.write_text("Un titre d’article\n\nLe « plan » coûte 18 millions d’euros.\n", "utf-8")
    seen = []
    real = isolated._executor

    def spy():
        seen.append(1)
        return real()

    monkeypatch.setattr(isolated, "_executor", spy)
    parsed = isolated.import_path_isolated(path)
    assert seen  # went through the process pool
    assert parsed.title == "Un titre d’article"
    assert parsed.paragraphs[1] == "Le « plan » coûte 18 millions d’euros."


def test_a_refusal_in_the_child_is_the_same_error_here(tmp_path, small_threshold):
    path = tmp_path / "photo.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    with pytest.raises(ImportFailed) as caught:
        isolated.import_path_isolated(path)
    assert caught.value.source == str(path) and "binary" in caught.value.problem


def test_a_long_text_is_scored_in_the_child_process_alike(small_threshold, monkeypatch):
    from desktop.core.suggestions import score_text

    text = "Budget\n\nLe déficit a augmenté de 12 % en 2023. Il fait beau. Selon l’Insee, oui."
    seen = []
    real = isolated._executor

    def spy():
        seen.append(1)
        return real()

    monkeypatch.setattr(isolated, "_executor", spy)
    apart = isolated.score_apart(text, "fr", [[0, 1]], [])
    assert seen  # went through the process pool
    assert apart == score_text(text, "fr", [[0, 1]], [])
    assert [text[s:e] for s, e, _ in apart][0] == "Le déficit a augmenté de 12 % en 2023."
