"""report_lint.jsontext lays JSON out byte for byte as json.dumps(indent=2, ensure_ascii=False)."""

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from report_lint.jsontext import dumps

scalars = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True, allow_infinity=True),
    st.text(), st.sampled_from(["中文", "\u2028", "\x00", '"', "\\", ""]),
)
keys = st.one_of(st.text(), st.integers(), st.booleans(), st.none(), st.floats(allow_nan=False))
values = st.recursive(
    scalars,
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.tuples(inner, inner),
                            st.dictionaries(keys, inner, max_size=4)),
    max_leaves=20,
)


@settings(max_examples=300, deadline=None)
@given(values, st.integers(min_value=0, max_value=3))
def test_same_bytes_as_json_dumps(value, level):
    expected = json.dumps(value, ensure_ascii=False, indent=2).replace("\n", "\n" + "  " * level)
    assert dumps(value, level) == expected


def test_empty_containers_and_nesting():
    value = {"a": [], "b": {}, "c": [{"d": None, "e": [1, 2.5, True]}]}
    assert dumps(value) == json.dumps(value, ensure_ascii=False, indent=2)


def test_what_json_refuses_it_refuses():
    with pytest.raises(TypeError):
        dumps({"a": object()})
    with pytest.raises(TypeError):
        dumps({(1, 2): 1})
