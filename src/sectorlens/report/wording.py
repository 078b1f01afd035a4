"""Report wording: per-language message templates (Jinja2) and Korean particle choice."""

from __future__ import annotations

from functools import cache
from importlib.resources import files
from typing import Any

import jinja2
import yaml

from sectorlens.errors import UsageError

# libyaml's parser when PyYAML has it (same result, several times faster than pure Python).
_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

LANGS = ("ko", "en")

# Final-consonant behaviour of what a Korean reader says for a trailing digit or symbol:
# True if it ends in a consonant, "ㄹ" if that consonant is ㄹ (which takes 로, not 으로).
_DIGIT_BATCHIM: dict[str, bool | str] = {
    "0": True, "1": "ㄹ", "2": False, "3": True, "4": False,
    "5": False, "6": True, "7": "ㄹ", "8": "ㄹ", "9": False,
}  # fmt: skip
_SKIP = " )]}'\"”’·*"


def _batchim(word: str) -> bool | str:
    """Whether ``word`` is read with a final consonant (``"ㄹ"`` for ㄹ)."""
    text = word.rstrip(_SKIP)
    if not text:
        return False
    last = text[-1]
    if "가" <= last <= "힣":
        final = (ord(last) - 0xAC00) % 28
        return "ㄹ" if final == 8 else final != 0
    if last in _DIGIT_BATCHIM:
        return _DIGIT_BATCHIM[last]
    if last == "%":
        return False  # 퍼센트
    if last.isalpha() and last.isascii():
        return last.lower() in "lmnr"  # enough for the codes and names the data uses
    return False


def josa(word: str, pair: str) -> str:
    """Append the Korean particle of ``pair`` (``은/는``, ``이/가``, ``을/를``, ``으로/로``…)."""
    with_final, without = pair.split("/")
    final = _batchim(str(word))
    if with_final == "으로":
        return f"{word}{'으로' if final is True else '로'}"
    return f"{word}{with_final if final else without}"


class Wording:
    """Message templates of one language; ``say(key, **values)`` renders one."""

    def __init__(self, lang: str) -> None:
        if lang not in LANGS:
            raise UsageError(f"unknown language {lang!r}: use one of {', '.join(LANGS)}")
        self.lang = lang
        self._messages = _messages(lang)
        self._env = _environment()
        self._compiled: dict[str, tuple[jinja2.Template | str, bool]] = {}

    def say(self, key: str, **values: Any) -> str:
        """Render message ``key`` (dotted path); whitespace runs become one space."""
        compiled = self._compiled.get(key)
        if compiled is None:
            node: Any = self._messages
            for part in key.split("."):
                if not isinstance(node, dict) or part not in node:
                    raise KeyError(f"no {self.lang} message {key!r}")
                node = node[part]
            source = str(node)
            # Plain text needs no template (about half the messages; compiling costs time).
            plain = "{" not in source
            compiled = (source if plain else self._env.from_string(source), source.startswith(" "))
            self._compiled[key] = compiled
        template, leading_space = compiled
        rendered = template if isinstance(template, str) else template.render(**values)
        text = " ".join(rendered.split())
        return f" {text}" if leading_space else text

    def has(self, key: str) -> bool:
        """True if message ``key`` exists in this language."""
        node: Any = self._messages
        for part in key.split("."):
            if not isinstance(node, dict) or part not in node:
                return False
            node = node[part]
        return True


@cache
def _messages(lang: str) -> dict[str, Any]:
    path = files("sectorlens.report") / "templates" / f"messages.{lang}.yaml"
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=_YAML_LOADER)
    return data if isinstance(data, dict) else {}


@cache
def _environment() -> jinja2.Environment:
    env = jinja2.Environment(undefined=jinja2.StrictUndefined, autoescape=False)
    env.filters["josa"] = josa
    env.filters["cap"] = lambda text: str(text)[:1].upper() + str(text)[1:]
    return env
