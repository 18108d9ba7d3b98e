"""The pretrained sentence encoder, offline: what a comment means, as 256 numbers.

Static token embeddings distilled with model2vec from all-MiniLM-L6-v2 (sentence-transformers,
Apache-2.0) and shipped in `models/encoder` (int8, 7.6 MB). A comment's vector is the mean of its
tokens' rows: tens of microseconds a comment and no PyTorch at run time. Beside word and letter
counts it scored as well as the full MiniLM on the held-out sets, at 130 times the speed (the
figures and the recipe are in `models/README.md`). Each file is checked against its sha256
before it is read, so a changed file cannot be used by mistake.
"""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import numpy as np
from model2vec import StaticModel
from sklearn.base import BaseEstimator, TransformerMixin

ENCODER = Path(__file__).with_name("models") / "encoder"
SHA256 = {
    "config.json": "e13266c6aa4c3d3956a95a9eb4f6c1d5af7c20b4ca91bd0c40335bb844310ba5",
    "model.safetensors": "99647dfd8725a6a3fa90529e2c9716fcebf4d6b4c17530121ca4e776281bad5f",
    "modules.json": "a68dcbed0429dcdd5bfdca92b0b03cc30d09122c0a3fcf4758787d4b244e45b2",
    "tokenizer.json": "dd33465341c98889c3338356b6200c8b232b89af5f1b7aa8e6ee1d4d7a699631",
}
DIMENSIONS = 256


class EncoderError(Exception):
    """The shipped encoder is missing or is not the one this code was built for."""


@functools.cache
def load_encoder(folder: Path = ENCODER) -> StaticModel:
    """The encoder, once per process, after every file's sha256 has been checked."""
    for name, expected in SHA256.items():
        path = folder / name
        if not path.exists():
            raise EncoderError(f"the sentence encoder's {name} is missing from {folder}")
        if hashlib.sha256(path.read_bytes()).hexdigest() != expected:
            raise EncoderError(f"the sentence encoder's {name} is not the shipped file (sha256 differs)")
    return StaticModel.from_pretrained(str(folder))


def encode(texts: Iterable[str]) -> np.ndarray[Any, np.dtype[np.float32]]:
    """Unit-length vectors, one row a text."""
    vectors: np.ndarray[Any, np.dtype[np.float32]] = load_encoder().encode(list(texts)).astype(np.float32)
    return vectors


class Meaning(TransformerMixin, BaseEstimator):  # type: ignore[misc]
    """A scikit-learn step: texts to their encoder vectors, scaled by `weight` (so they weigh
    about as much as a comment's word counts in a linear model). The encoder is read from the
    shipped folder, never saved inside a model."""

    def __init__(self, weight: float = 1.0) -> None:
        self.weight = weight

    def fit(self, texts: Iterable[str], labels: Any = None) -> Meaning:
        return self

    def transform(self, texts: Iterable[str]) -> np.ndarray[Any, np.dtype[np.float32]]:
        return encode(texts) * np.float32(self.weight)

    def get_feature_names_out(self, input_features: Any = None) -> np.ndarray[Any, np.dtype[np.str_]]:
        return np.array([f"meaning{i}" for i in range(DIMENSIONS)])
