"""The value classes written on model.Frozen behave as the frozen dataclasses they
replace: fields set in order, assignment refused, equality, hashing, repr, pickling."""

from __future__ import annotations

import copy
import dataclasses
import importlib
import inspect
import pickle
import pkgutil

import pytest

import awesomelint
from awesomelint.model import Edit, Frozen


def _all_frozen() -> list[type[Frozen]]:
    for info in pkgutil.walk_packages(awesomelint.__path__, "awesomelint."):
        if info.name != "awesomelint.__main__":  # (it runs the CLI)
            importlib.import_module(info.name)
    out: list[type[Frozen]] = []
    todo = list(Frozen.__subclasses__())
    while todo:
        cls = todo.pop()
        out.append(cls)
        todo += cls.__subclasses__()
    return sorted(out, key=lambda c: f"{c.__module__}.{c.__qualname__}")


CLASSES = _all_frozen()


def _make(cls: type[Frozen], tag: str = "") -> Frozen:
    """An instance whose every field holds a distinct value naming the field."""
    return cls(*(f"{tag}{name}" for name in cls.__slots__))


def test_there_are_value_classes_to_check() -> None:
    names = {c.__name__ for c in CLASSES}
    assert {"Edit", "Finding", "Link", "Rule", "RuleInfo", "Settings", "Config"} <= names


@pytest.mark.parametrize("cls", CLASSES, ids=[c.__qualname__ for c in CLASSES])
def test_init_takes_and_sets_the_fields_in_order(cls: type[Frozen]) -> None:
    params = list(inspect.signature(cls.__init__).parameters)[1:]
    assert params == list(cls.__slots__)
    value = _make(cls)
    assert [getattr(value, name) for name in cls.__slots__] == list(cls.__slots__)


@pytest.mark.parametrize("cls", CLASSES, ids=[c.__qualname__ for c in CLASSES])
def test_behaves_as_a_frozen_dataclass(cls: type[Frozen]) -> None:
    value = _make(cls)
    for name in cls.__slots__:
        with pytest.raises(dataclasses.FrozenInstanceError):
            setattr(value, name, "changed")
        with pytest.raises(dataclasses.FrozenInstanceError):
            delattr(value, name)
    with pytest.raises(dataclasses.FrozenInstanceError):
        value.not_a_field = 1  # type: ignore[attr-defined]
    # the same repr, equality and hash as the dataclass with these fields
    twin = dataclasses.make_dataclass(
        cls.__name__, list(cls.__slots__), frozen=True, slots=True
    )
    twin.__qualname__ = cls.__qualname__
    same = twin(*(getattr(value, n) for n in cls.__slots__))
    assert repr(value) == repr(same)
    assert hash(value) == hash(same)
    assert value == _make(cls) and value != _make(cls, "other ")
    assert value != same  # another class, as with dataclasses
    assert pickle.loads(pickle.dumps(value)) == value
    assert copy.copy(value) == value and copy.deepcopy(value) == value


def test_fields_are_compared_by_value_and_class() -> None:
    assert Edit(1, 2, "x") == Edit(1, 2, "x")
    assert Edit(1, 2, "x") != Edit(1, 2, "y")
    assert Edit(1, 2, "x") != (1, 2, "x")
    assert len({Edit(1, 2, "x"), Edit(1, 2, "x"), Edit(0, 2, "x")}) == 2
    assert repr(Edit(1, 2, "x")) == "Edit(start=1, end=2, content='x')"
