"""How a session reaches a Redis server: the URL of each deployment and its redis-py client.

One URL says everything, so ``XS_REDIS_URL`` and ``%redis connect`` take the same text:

==========  ====================================================================
single      ``redis://[[user]:password@]host[:port][/db]``, ``unix:///path/to.sock``
TLS         ``rediss://host:port/0?ssl_ca_certs=/ca.pem&ssl_certfile=…&ssl_keyfile=…``
cluster     ``redis+cluster://host:port[,host:port…]`` (``rediss+cluster://`` with TLS)
sentinel    ``redis+sentinel://host:port[,host:port…]/service_name[/db]``
==========  ====================================================================

The ``+cluster`` / ``+sentinel`` scheme suffix (rather than ``?cluster=true``) was chosen
because the deployment changes what the rest of the URL means: a sentinel URL's path is a
service name, a cluster URL has no database and may list several nodes.

Every client is redis-py's own: ``Redis`` for a single server, ``RedisCluster`` (which
follows MOVED/ASK and re-reads the slot map within its retry bounds) for a cluster, and
``Sentinel.master_for`` for a Sentinel-managed primary. Query options are redis-py's
(``ssl_*``, ``socket_timeout``…); an option redis-py does not know is refused here, by
name, before any connection is made. ``sentinel_password`` is ours: the password of the
sentinels, when they have one of their own (the URL's password is the primary's).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qsl, unquote, urlsplit

import redis
from redis.backoff import ExponentialBackoff, NoBackoff
from redis.cluster import ClusterNode, RedisCluster
from redis.connection import parse_url
from redis.exceptions import RedisError
from redis.retry import Retry
from redis.sentinel import Sentinel

from ..credentials import mask_credentials
from ..errors import XsError

# A server that is down, or accepts and then stalls, costs at most connect + one read, so
# 1.5 s each keeps its error inside three seconds; no retry on a single server, because
# retrying INCR/RPUSH/LPOP after a timeout could apply them twice. A cluster client must
# retry to follow a failover or a resharding: three quick attempts, as redis-py bounds them.
CONNECT_TIMEOUT = 1.5
SOCKET_TIMEOUT = 1.5
CLUSTER_RETRY = Retry(ExponentialBackoff(cap=0.5, base=0.05), 3)

SCHEMES = {"redis": "single", "rediss": "single", "unix": "single",
           "redis+cluster": "cluster", "rediss+cluster": "cluster",
           "redis+sentinel": "sentinel"}

# What redis-py reads from a URL's query, plus ours; anything else is a typo worth naming.
_OPTIONS = frozenset({
    "db", "socket_timeout", "socket_connect_timeout", "socket_keepalive", "retry_on_timeout",
    "max_connections", "health_check_interval", "client_name", "protocol",
    "ssl_ca_certs", "ssl_ca_path", "ssl_ca_data", "ssl_certfile", "ssl_keyfile",
    "ssl_password", "ssl_cert_reqs", "ssl_check_hostname", "ssl_min_version",
    "sentinel_password",
})


@dataclass(frozen=True)
class Deployment:
    """What a Redis URL names: its kind, its nodes (or socket), database and TLS."""

    kind: str  # "single", "cluster" or "sentinel"
    scheme: str
    nodes: tuple[tuple[str, int], ...] = ()
    path: str | None = None  # a unix socket
    db: int = 0
    service: str | None = None  # the Sentinel service name
    has_password: bool = False
    options: dict[str, Any] = field(default_factory=dict)  # redis-py connection kwargs

    @property
    def tls(self) -> bool:
        return self.scheme.startswith("rediss")

    @property
    def where(self) -> str:
        """``host:port`` (or the socket, or the cluster/sentinel) for messages."""
        if self.path is not None:
            return f"unix:{self.path}"
        hosts = ",".join(_host_port(host, port) for host, port in self.nodes)
        if self.kind == "cluster":
            return f"the cluster at {hosts}"
        if self.kind == "sentinel":
            return f"service {self.service!r} of the sentinels at {hosts}"
        return hosts


def _host_port(host: str, port: int) -> str:
    return f"[{host}]:{port}" if ":" in host else f"{host}:{port}"


def parse(url: str) -> Deployment:
    """The deployment URL names; a bad URL is an ``inputerror`` that never shows secrets."""
    try:
        parts = urlsplit(url)
    except ValueError as exc:
        raise _bad(url, _reason(exc)) from None
    scheme = parts.scheme.lower()
    kind = SCHEMES.get(scheme)
    if kind is None:
        raise _bad(url, "it must start with redis://, rediss://, unix://, redis+cluster://, "
                   "rediss+cluster:// or redis+sentinel://")
    userinfo, _, hosts = parts.netloc.rpartition("@")
    options = _options(url, parts.query)
    if kind == "single" and scheme == "unix":
        path = unquote(parts.path)
        if not path:
            raise _bad(url, "a unix:// URL needs the socket's path")
        return Deployment(kind, scheme, path=path, db=options.pop("db", 0),
                          has_password=bool(parts.password), options=options)
    default_port = 26379 if kind == "sentinel" else 6379
    nodes = tuple(_node(url, text, default_port)
                  for text in (hosts.split(",") if hosts else [""]))
    if kind == "single" and len(nodes) > 1:
        raise _bad(url, "several hosts need redis+cluster:// or redis+sentinel://")
    service, db = _path(url, kind, unquote(parts.path or ""), options.pop("db", None))
    return Deployment(kind, scheme, nodes=nodes, db=db, service=service,
                      has_password=bool(":" in userinfo and userinfo.partition(":")[2]),
                      options=options)


def _node(url: str, text: str, default_port: int) -> tuple[str, int]:
    try:
        one = urlsplit("//" + text)
        port = one.port
    except ValueError as exc:
        raise _bad(url, f"bad host or port {text!r} ({_reason(exc)})") from None
    return one.hostname or "localhost", port or default_port


def _path(url: str, kind: str, path: str, db_option: Any) -> tuple[str | None, int]:
    """The sentinel service and the database number, from the URL's path."""
    steps = [step for step in path.split("/") if step]
    service = None
    if kind == "sentinel":
        if not steps:
            raise _bad(url, "a sentinel URL names its service: "
                       "redis+sentinel://host:26379/service_name/0")
        service = steps.pop(0)
    if len(steps) > 1:
        raise _bad(url, "the path has more parts than a database number")
    text = steps[0] if steps else str(db_option if db_option is not None else 0)
    if not text.isdigit():
        raise _bad(url, "the database must be a number")
    if kind == "cluster" and int(text) != 0:
        raise _bad(url, "a Redis Cluster has only database 0")
    return service, int(text)


def _options(url: str, query: str) -> dict[str, Any]:
    """redis-py's connection keyword arguments for the URL's query (and its userinfo)."""
    names = [name for name, _ in parse_qsl(query, keep_blank_values=True)]
    unknown = sorted(set(names) - _OPTIONS)
    if unknown:
        raise _bad(url, f"unknown option {unknown[0]!r}")
    safe = urlsplit(url)
    scheme = "rediss" if safe.scheme.lower().startswith("rediss") else "redis"
    userinfo = safe.netloc.rpartition("@")[0]
    # redis-py parses and types the options (and the password's %-escapes) for one host.
    one = f"{scheme}://{userinfo + '@' if userinfo else ''}localhost/?{query}"
    try:
        kwargs = parse_url(one)
    except (ValueError, TypeError) as exc:
        raise _bad(url, _reason(exc)) from None
    for name in ("host", "port", "path"):
        kwargs.pop(name, None)
    return kwargs


def _bad(url: str, why: str) -> XsError:
    return XsError("inputerror", f"invalid Redis URL {mask_credentials(url)!r}: {why}")


def _reason(exc: Exception) -> str:
    """Why redis-py or urllib refused a URL, in words (their text, when it is words)."""
    text = str(exc)
    if isinstance(exc, TypeError) or "invalid literal" in text:
        return "one of its options or numbers is not valid for Redis"
    return mask_credentials(text) or "it does not parse"


# -- clients ----------------------------------------------------------------------------


def connect(url: str, deployment: Deployment) -> Any:
    """The redis-py client for DEPLOYMENT (no connection is opened yet)."""
    build = {"single": _single, "cluster": _cluster, "sentinel": _sentinel}[deployment.kind]
    try:
        return build(url, deployment)
    except (ValueError, TypeError, RedisError) as exc:
        raise _bad(url, _reason(exc)) from None


def _common(options: dict[str, Any]) -> dict[str, Any]:
    return {"socket_connect_timeout": CONNECT_TIMEOUT, "socket_timeout": SOCKET_TIMEOUT,
            "protocol": 2, "health_check_interval": 0, **options}


def _single(url: str, deployment: Deployment) -> redis.Redis:
    client = redis.Redis.from_url(url, decode_responses=False,
                                  retry=Retry(NoBackoff(), 0), **_common({}))
    # An option of the wrong type is only refused when a connection object is made: make
    # one now (it does not connect) so the URL is refused here, not at the first statement.
    pool = client.connection_pool
    pool.connection_class(**pool.connection_kwargs)
    return client


def _cluster(url: str, deployment: Deployment) -> RedisCluster:
    options = _common(deployment.options)
    options.pop("connection_class", None)
    options.pop("db", None)
    if deployment.tls:
        options["ssl"] = True
    return RedisCluster(startup_nodes=[ClusterNode(h, p) for h, p in deployment.nodes],
                        retry=CLUSTER_RETRY, decode_responses=False, **options)


def _sentinel(url: str, deployment: Deployment) -> redis.Redis:
    options = _common(deployment.options)
    options.pop("connection_class", None)
    sentinel_password = options.pop("sentinel_password", None)
    watchers = {"socket_connect_timeout": CONNECT_TIMEOUT, "socket_timeout": SOCKET_TIMEOUT,
                "password": sentinel_password}
    sentinel = Sentinel(list(deployment.nodes), sentinel_kwargs=watchers, **options)
    return sentinel.master_for(deployment.service or "", db=deployment.db,
                               retry=Retry(NoBackoff(), 0), decode_responses=False)


def describe(url: str, deployment: Deployment, prefix: str) -> dict[str, Any]:
    """What ``%redis`` shows of a server deployment; never a password."""
    info: dict[str, Any] = {"backend": "server" if deployment.kind == "single"
                            else deployment.kind,
                            "url": mask_credentials(url), "tls": deployment.tls}
    if deployment.path is not None:
        info["path"] = deployment.path
    elif deployment.kind == "single":
        (host, port), = deployment.nodes
        info.update(host=host, port=port)
    else:
        info["nodes"] = [_host_port(h, p) for h, p in deployment.nodes]
    if deployment.service:
        info["service"] = deployment.service
    info.update(db=deployment.db, prefix=prefix,
                password="***" if deployment.has_password else None)
    return info
