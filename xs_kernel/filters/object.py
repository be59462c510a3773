"""Object filters: reading and writing by path, keys and values, picking and building.

A path is a key or a dotted path (``"user.address.city"``, ``"items.0.id"``); on arrays a
key is a position (negative counts from the end). Writing filters return a new object and
never change the receiver.
"""

from __future__ import annotations

from typing import Any

from ..registry import xs_filter
from ..values import is_empty, to_text, truthy
from . import _support as s

READABLE = ("object", "array", "null")


@xs_filter("get", accepts=READABLE)
def filter_get(value, path, default=None):
    """The value at a key or dotted path, or the default (null) when it is absent.

    value|get:path[:default] — `{a:{b:1}}|get:"a.b"` is 1; `[10,20]|get:1` is 20;
    `{}|get:"x":0` is 0.
    """
    found = s.lookup(value, "get", path)
    return default if found is s.MISSING else found


@xs_filter("has", accepts=READABLE)
def filter_has(value, path):
    """True when the key or dotted path exists (even if its value is null).

    value|has:path — `{a:1}|has:"a"` is true.
    """
    return s.lookup(value, "has", path) is not s.MISSING


@xs_filter("set", accepts=READABLE)
def filter_set(value, path, new_value):
    """A copy with the value stored at a key or dotted path (objects are created on the way).

    value|set:path:value — `{a:1}|set:"b":2` is {a:1,b:2}; `{}|set:"a.b":1` is {a:{b:1}}.
    """
    return s.assign(value, "set", path, new_value)


@xs_filter("set_conditional", accepts=READABLE, lazy=(2,))
def filter_set_conditional(value, path, new_value, condition):
    """Like set, but only when the condition is truthy ($$ in it is the receiver).

    value|set_conditional:path:value:condition — `{a:1}|set_conditional:"b":2:true` is
    {a:1,b:2}; with false the receiver comes back unchanged.
    """
    if truthy(condition(value)):
        return s.assign(value, "set_conditional", path, new_value)
    return value


@xs_filter("set_ifnotnull", accepts=READABLE)
def filter_set_ifnotnull(value, path, new_value):
    """Like set, but only when the value is not null.

    value|set_ifnotnull:path:value — `{a:1}|set_ifnotnull:"b":null` is {a:1}.
    """
    if new_value is None:
        return value
    return s.assign(value, "set_ifnotnull", path, new_value)


@xs_filter("set_ifnotempty", accepts=READABLE)
def filter_set_ifnotempty(value, path, new_value):
    """Like set, but only when the value is not empty ("", null, 0, "0", false, [], {}).

    value|set_ifnotempty:path:value — `{a:1}|set_ifnotempty:"b":""` is {a:1}.
    """
    if is_empty(new_value):
        return value
    return s.assign(value, "set_ifnotempty", path, new_value)


@xs_filter("unset", accepts=READABLE)
def filter_unset(value, path):
    """A copy without the key or dotted path (unchanged when it is absent).

    value|unset:path — `{a:1,b:2}|unset:"b"` is {a:1}.
    """
    return s.remove(value, "unset", path)


@xs_filter("keys", accepts=s.CONTAINER, aliases=("array_keys",))
def filter_keys(value):
    """The keys of an object as an array (for an array, its positions).

    value|keys — `{a:1,b:2}|keys` is ["a","b"].
    """
    return list(value) if isinstance(value, dict) else list(range(len(value)))


@xs_filter("values", accepts=s.CONTAINER, aliases=("array_values",))
def filter_values(value):
    """The values of an object as an array (an array stays as it is).

    value|values — `{a:1,b:2}|values` is [1,2].
    """
    return list(value.values()) if isinstance(value, dict) else list(value)


@xs_filter("entries", accepts=s.CONTAINER, aliases=("array_entries",))
def filter_entries(value):
    """The entries as an array of {key, value} objects.

    value|entries — `{a:1}|entries` is [{key:"a",value:1}].
    """
    pairs = value.items() if isinstance(value, dict) else enumerate(value)
    return [{"key": k, "value": v} for k, v in pairs]


@xs_filter("pick", accepts=s.OBJECT)
def filter_pick(value, keys):
    """A new object with only the listed keys (in the object's order).

    object|pick:keys — `{a:1,b:2,c:3}|pick:["a","c"]` is {a:1,c:3}.
    """
    wanted = set(s.text_list("pick", keys, "a key"))
    return {k: v for k, v in value.items() if k in wanted}


@xs_filter("unpick", accepts=s.OBJECT)
def filter_unpick(value, keys):
    """A new object without the listed keys.

    object|unpick:keys — `{a:1,b:2,c:3}|unpick:["b"]` is {a:1,c:3}.
    """
    unwanted = set(s.text_list("unpick", keys, "a key"))
    return {k: v for k, v in value.items() if k not in unwanted}


@xs_filter("create_object", accepts=s.ARRAY)
def filter_create_object(value, object_values):
    """An object from an array of keys and an array of values of the same length.

    keys|create_object:values — `["a","b"]|create_object:[1,2]` is {a:1,b:2}.
    """
    vals = s.array("create_object", object_values, "the values")
    if len(vals) != len(value):
        raise s.bad("create_object", f"{len(value)} keys but {len(vals)} values")
    return {s.text("create_object", k, "a key"): v for k, v in zip(value, vals)}


def _entry(item: Any) -> tuple[str, Any]:
    if isinstance(item, dict) and "key" in item:
        return s.text("create_object_from_entries", item["key"], "a key"), item.get("value")
    if isinstance(item, list) and len(item) == 2:
        return s.text("create_object_from_entries", item[0], "a key"), item[1]
    raise s.bad("create_object_from_entries",
                f"each entry must be {{key, value}} or [key, value], got {s.described(item)}")


@xs_filter("create_object_from_entries", accepts=s.ARRAY)
def filter_create_object_from_entries(value):
    """An object from an array of {key, value} entries (the reverse of entries).

    array|create_object_from_entries — `[{key:"a",value:1}]|create_object_from_entries` is
    {a:1}; [key, value] pairs work too.
    """
    return dict(_entry(item) for item in value)


@xs_filter("fill_keys", aliases=("array_fill_keys",))
def filter_fill_keys(value, keys):
    """An object with each listed key set to the receiver.

    value|fill_keys:keys — `0|fill_keys:["a","b"]` is {a:0,b:0}. With an array of keys as
    receiver and an object as argument, each key takes its value from that object:
    `["a","b"]|fill_keys:{a:1,b:2}` is {a:1,b:2}.
    """
    if isinstance(value, list) and isinstance(keys, dict):
        return {s.text("fill_keys", k, "a key"): keys.get(to_text(k)) for k in value}
    return {k: value for k in s.text_list("fill_keys", keys, "a key")}
