"""Report wording: per-language message templates (Jinja2); ``josa`` picks Korean particles."""

from __future__ import annotations

from functools import cache
from importlib.resources import files
from typing import Any

import jinja2
import yaml

from sectorlens.errors import UsageError
from sectorlens.korean import josa, resolve

# libyaml's parser when PyYAML has it (same result, several times faster than pure Python).
_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

LANGS = ("ko", "en")


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
        if self.lang == "ko":
            text = resolve(text)
        return f" {text}" if leading_space else text

    def has(self, key: str) -> bool:
        """True if message ``key`` exists in this language."""
        node: Any = self._messages
        for part in key.split("."):
            if not isinstance(node, dict) or part not in node:
                return False
            node = node[part]
        return True


def singular(unit: str) -> str:
    """An English plural unit for a count of one: ``deals`` → ``deal``, ``cities`` → ``city``."""
    words = str(unit).split(" ")
    last = words[-1]
    if last.endswith("ies") and len(last) > 4:
        last = last[:-3] + "y"
    elif last.endswith(("ses", "xes", "ches", "shes")):
        last = last[:-2]
    elif last.endswith("s") and not last.endswith("ss"):
        last = last[:-1]
    return " ".join([*words[:-1], last])


@cache
def _messages(lang: str) -> dict[str, Any]:
    path = files("sectorlens.report") / "templates" / f"messages.{lang}.yaml"
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=_YAML_LOADER)
    return data if isinstance(data, dict) else {}


@cache
def _environment() -> jinja2.Environment:
    env = jinja2.Environment(undefined=jinja2.StrictUndefined, autoescape=False)
    env.filters["josa"] = josa
    env.filters["singular"] = singular
    env.filters["cap"] = lambda text: str(text)[:1].upper() + str(text)[1:]
    return env
