"""Conversion and check filters: ``to_int``/``to_text``/..., JSON, the ``is_*`` tests,
fallbacks (``first_notnull``/``first_notempty``) and comparisons written as filters.

Conversions follow PHP where XanoScript does (``"133.45 kg"|to_int`` is 133); every rule is
in ``values``.
"""

from __future__ import annotations

import json
import re

from ..registry import xs_filter
from ..values import (
    compare,
    equals,
    from_json,
    is_empty,
    to_bool,
    to_decimal,
    to_int,
    to_json,
    to_text,
    truthy,
    type_name,
)
from . import _support as s


@xs_filter("to_int")
def filter_to_int(value):
    """The value as an integer: leading digits of a text, decimals truncated.

    value|to_int — `"123"|to_int` is 123, `"133.45 kg"|to_int` is 133, `"abc"|to_int` is 0,
    `true|to_int` is 1.
    """
    return to_int(value)


@xs_filter("to_decimal")
def filter_to_decimal(value):
    """The value as a decimal number: the number a text starts with, else 0.

    value|to_decimal — `"1.5"|to_decimal` is 1.5, `"133.45 kg"|to_decimal` is 133.45.
    """
    return to_decimal(value)


@xs_filter("to_text")
def filter_to_text(value):
    """The value as text; arrays and objects become JSON.

    Numbers take their shortest form, booleans are "true"/"false", null is "".

    value|to_text — `123|to_text` is "123", `1.344|to_text` is "1.344".
    """
    return to_text(value)


@xs_filter("to_bool")
def filter_to_bool(value):
    """The value as a boolean, reading words such as "yes" and "off".

    "true", "yes", "on" and "1" are true; "false", "no", "off", "0" and "" are false; other
    text by its number or else true; numbers by zero; arrays and objects by emptiness.

    value|to_bool — `"true"|to_bool` is true, `"off"|to_bool` is false.
    """
    return to_bool(value)


@xs_filter("json_encode")
def filter_json_encode(value):
    """The value written as compact JSON text.

    value|json_encode — `{a:1}|json_encode` is '{"a":1}'.
    """
    return to_json(value)


@xs_filter("json_decode", accepts=s.TEXT)
def filter_json_decode(value):
    """The value a JSON text describes; text that is not JSON is an input error.

    text|json_decode — `'{"a":1}'|json_decode` is {a:1}; null stays null.
    """
    if value is None:
        return None
    try:
        return from_json(value)
    except json.JSONDecodeError as exc:
        raise s.bad("json_decode", f"not valid JSON: {exc.msg} at line {exc.lineno} "
                                   f"column {exc.colno}") from None
    except RecursionError:
        raise s.bad("json_decode", "the JSON is nested too deeply") from None


@xs_filter("is_null", aliases=("null",))
def filter_is_null(value):
    """True for null.

    value|is_null — `null|is_null` is true, `8|is_null` is false.
    """
    return value is None


@xs_filter("is_empty", aliases=("empty",))
def filter_is_empty(value):
    """True for "", null, 0, "0", false, [] and {}.

    value|is_empty — `[]|is_empty` is true.
    """
    return is_empty(value)


@xs_filter("is_int")
def filter_is_int(value):
    """True for an integer (not for a decimal, nor for text of digits).

    value|is_int — `1|is_int` is true, `1.5|is_int` is false.
    """
    return type_name(value) == "int"


@xs_filter("is_decimal")
def filter_is_decimal(value):
    """True for a decimal number.

    value|is_decimal — `123.45|is_decimal` is true.
    """
    return type_name(value) == "decimal"


@xs_filter("is_bool")
def filter_is_bool(value):
    """True for true and false.

    value|is_bool — `false|is_bool` is true.
    """
    return type_name(value) == "bool"


@xs_filter("is_text")
def filter_is_text(value):
    """True for text.

    value|is_text — `"a"|is_text` is true.
    """
    return type_name(value) == "text"


@xs_filter("is_array")
def filter_is_array(value):
    """True for an array (a list, not an object).

    value|is_array — `[1]|is_array` is true, `{}|is_array` is false.
    """
    return type_name(value) == "array"


@xs_filter("is_object")
def filter_is_object(value):
    """True for an object.

    value|is_object — `{}|is_object` is true.
    """
    return type_name(value) == "object"


_UUID = re.compile(r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")


@xs_filter("is_uuid")
def filter_is_uuid(value):
    """True for text in the UUID form 8-4-4-4-12 hexadecimal digits.

    value|is_uuid — `"550e8400-e29b-41d4-a716-446655440000"|is_uuid` is true.
    """
    return isinstance(value, str) and _UUID.fullmatch(value) is not None


@xs_filter("first_notnull")
def filter_first_notnull(value, fallback):
    """The receiver unless it is null, else the argument.

    value|first_notnull:fallback — `null|first_notnull:0` is 0.
    """
    return fallback if value is None else value


@xs_filter("first_notempty")
def filter_first_notempty(value, fallback):
    """The receiver unless it is empty ("", null, 0, "0", false, [], {}), else the argument.

    value|first_notempty:fallback — `""|first_notempty:"none"` is "none".
    """
    return fallback if is_empty(value) else value


@xs_filter("not")
def filter_not(value):
    """The opposite truth value of the receiver.

    value|not — `true|not` is false.
    """
    return not truthy(value)


@xs_filter("equals", aliases=("eq",))
def filter_equals(value, other):
    """True when the two values are equal, as == decides (1 equals 1.0).

    value|equals:other — `4|equals:4` is true.
    """
    return equals(value, other)


@xs_filter("not_equals", aliases=("ne",))
def filter_not_equals(value, other):
    """True when the two values are not equal, as != decides.

    value|not_equals:other — `4|not_equals:4` is false.
    """
    return not equals(value, other)


@xs_filter("greater_than", aliases=("gt",))
def filter_greater_than(value, other):
    """True when the receiver is greater than the argument.

    value|greater_than:other — `4|greater_than:2` is true.
    """
    return compare(value, other) > 0


@xs_filter("greater_than_or_equal", aliases=("gte",))
def filter_greater_than_or_equal(value, other):
    """True when the receiver is greater than or equal to the argument.

    value|greater_than_or_equal:other — `4|greater_than_or_equal:4` is true.
    """
    return compare(value, other) >= 0


@xs_filter("less_than", aliases=("lt",))
def filter_less_than(value, other):
    """True when the receiver is less than the argument.

    value|less_than:other — `4|less_than:2` is false.
    """
    return compare(value, other) < 0


@xs_filter("less_than_or_equal", aliases=("lte",))
def filter_less_than_or_equal(value, other):
    """True when the receiver is less than or equal to the argument.

    value|less_than_or_equal:other — `4|less_than_or_equal:2` is false.
    """
    return compare(value, other) <= 0
