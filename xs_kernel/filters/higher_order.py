"""Expression filters: ``map filter find findIndex some every reduce transform``.

Their expression argument arrives unevaluated as a ``registry.Lazy``; calling
``fn(element, index=i, parent=array)`` evaluates it with ``$$``/``$this``, ``$index`` and
``$parent`` bound (``reduce`` also binds ``$result``). The JavaScript ``lambda_*`` family
needs Xano's Lambda runtime and is not provided.
"""

from __future__ import annotations

from ..registry import xs_filter
from ..values import truthy
from . import _support as s


@xs_filter("map", accepts=s.ARRAY, lazy=(0,))
def filter_map(value, expression):
    """A new array with the expression evaluated for each element ($$ is the element).

    array|map:expression — `[{v:1},{v:2}]|map:$$.v*2` is [2,4]; $index and $parent are
    bound too.
    """
    return [expression(item, index=i, parent=value) for i, item in enumerate(value)]


@xs_filter("filter", accepts=s.ARRAY, lazy=(0,))
def filter_filter(value, expression):
    """The elements for which the expression is truthy, in order.

    array|filter:expression — `[1,2,3,4]|filter:$$%2==0` is [2,4].
    """
    return [item for i, item in enumerate(value)
            if truthy(expression(item, index=i, parent=value))]


@xs_filter("find", accepts=s.ARRAY, lazy=(0,))
def filter_find(value, expression):
    """The first element for which the expression is truthy (null when there is none).

    array|find:expression — `[{id:1},{id:2}]|find:$$.id==2` is {id:2}.
    """
    for i, item in enumerate(value):
        if truthy(expression(item, index=i, parent=value)):
            return item
    return None


@xs_filter("findIndex", accepts=s.ARRAY, lazy=(0,))
def filter_find_index(value, expression):
    """The position of the first element for which the expression is truthy (-1 if none).

    array|findIndex:expression — `[{id:1},{id:2}]|findIndex:$$.id==2` is 1.
    """
    for i, item in enumerate(value):
        if truthy(expression(item, index=i, parent=value)):
            return i
    return -1


@xs_filter("some", accepts=s.ARRAY, lazy=(0,))
def filter_some(value, expression):
    """True when the expression is truthy for at least one element (false when empty).

    array|some:expression — `[1,2,3]|some:$$>2` is true.
    """
    return any(truthy(expression(item, index=i, parent=value))
               for i, item in enumerate(value))


@xs_filter("every", accepts=s.ARRAY, lazy=(0,))
def filter_every(value, expression):
    """True when the expression is truthy for every element (true when empty).

    array|every:expression — `[2,4,6]|every:$$%2==0` is true.
    """
    return all(truthy(expression(item, index=i, parent=value))
               for i, item in enumerate(value))


@xs_filter("reduce", accepts=s.ARRAY, lazy=(0,))
def filter_reduce(value, expression, initial=None):
    """Fold the array into one value; the expression sees $$ (element) and $result.

    The expression comes first, the initial value last.

    array|reduce:expression:initial — `[1,2,3,4]|reduce:$$+$result:0` is 10.
    """
    result = initial
    for i, item in enumerate(value):
        result = expression(item, index=i, result=result, parent=value)
    return result


@xs_filter("transform", lazy=(0,))
def filter_transform(value, expression):
    """Evaluate the expression once with the receiver bound to $$ (any value).

    value|transform:expression — `2|transform:$$+3` is 5.
    """
    return expression(value)
