"""What only some deployments have: the URL of each, a cluster's slots spread over several
primaries (and moving, and losing a primary), TLS certificates, Sentinel's service names.

The behaviour every deployment shares (every redis.* statement, the spec, %redis keys) is
tested on all of them by the ``backend`` fixture of this folder's conftest.
"""

from __future__ import annotations

import threading
import time
from urllib.parse import parse_qsl, urlencode, urlsplit

import pytest
import redis
from redis.crc import key_slot

from redis_deployments import SENTINEL_SERVICE, cli, free_ports, primary_of
from xs_kernel.backends import redis_connect
from xs_kernel.backends.redis_store import RedisStore
from xs_kernel.errors import XsError
from xs_kernel.magics.dispatch import run_cell
from xs_kernel.services import Services
from xs_kernel.session import Session

# -- URLs (no server) -------------------------------------------------------------------


@pytest.mark.parametrize("url, kind, nodes, db, service", [
    ("redis://h:7000/2", "single", (("h", 7000),), 2, None),
    ("redis://", "single", (("localhost", 6379),), 0, None),
    ("rediss://h/0?ssl_ca_certs=/ca.pem", "single", (("h", 6379),), 0, None),
    ("redis+cluster://a:7000,b:7001", "cluster", (("a", 7000), ("b", 7001)), 0, None),
    ("rediss+cluster://a", "cluster", (("a", 6379),), 0, None),
    ("redis+sentinel://s1,s2:26380/mymaster/3", "sentinel",
     (("s1", 26379), ("s2", 26380)), 3, "mymaster"),
    ("redis+sentinel://[::1]:26379/mymaster", "sentinel", (("::1", 26379),), 0, "mymaster"),
])
def test_each_deployment_has_its_url(url, kind, nodes, db, service) -> None:
    deployment = redis_connect.parse(url)
    assert (deployment.kind, deployment.nodes, deployment.db, deployment.service) == \
        (kind, nodes, db, service)


@pytest.mark.parametrize("url, why", [
    ("redis+cluster://:pw@a:7000/2", "a Redis Cluster has only database 0"),
    ("redis+sentinel://:pw@s1:26379", "a sentinel URL names its service"),
    ("redis+sentinel://:pw@s1/svc/x", "the database must be a number"),
    ("redis://:pw@a:1,b:2/0", "several hosts need redis+cluster:// or redis+sentinel://"),
    ("redis+cluster://:pw@a:notaport", "bad host or port 'a:notaport'"),
    ("rediss://:pw@h/0?ssl_ca_cert=/ca.pem", "unknown option 'ssl_ca_cert'"),
    ("redis+sentinel://:pw@s1/svc/0?socket_timeout=soon", "Invalid value for 'socket_timeout'"),
    ("memcache://:pw@h", "it must start with redis://"),
])
def test_a_bad_url_says_why_without_its_password(url, why) -> None:
    with pytest.raises(XsError) as info:
        redis_connect.parse(url)
    assert info.value.type == "inputerror" and why in info.value.message
    assert "pw" not in info.value.message and "***" in info.value.message


def test_describe_names_the_deployment_and_masks_the_password() -> None:
    url = "redis+sentinel://:s3cret@s1:26379,s2:26380/mymaster/1?sentinel_password=p2"
    info = redis_connect.describe(url, redis_connect.parse(url), "app:")
    assert info == {"backend": "sentinel", "url": info["url"], "tls": False,
                    "nodes": ["s1:26379", "s2:26380"], "service": "mymaster", "db": 1,
                    "prefix": "app:", "password": "***"}
    assert "s3cret" not in info["url"] and "p2" not in info["url"]


# -- cluster ----------------------------------------------------------------------------


@pytest.fixture
def cluster_url(redis_deployment_url) -> str:
    return redis_deployment_url("cluster")


@pytest.mark.live_redis
def test_keys_spread_over_every_primary_and_redis_keys_finds_them_all(
        cluster_url, new_prefix) -> None:
    prefix = new_prefix(cluster_url)
    store = RedisStore(cluster_url, prefix=prefix)
    names = [f"user:{n}" for n in range(60)]
    for name in names:
        store.set(name, 1)
    owners = {store._client.get_node_from_key(prefix + name).port for name in names}
    assert len(owners) == 3, "the keys should live on all three primaries"
    assert store.keys("user:*") == sorted(names)
    assert [row["key"] for row in store.overview("user:1*").rows] == sorted(
        n for n in names if n.startswith("user:1"))
    page = store.overview("user:*", 2, 25)  # pages cut across the primaries' keys
    assert page.caption().startswith("page 2 of 3, keys 26–50 of 60")
    assert [row["key"] for row in page.rows] == sorted(names)[25:50]
    store.close()


@pytest.mark.live_redis
def test_a_session_connects_to_a_cluster_and_describes_it(cluster_url, new_prefix) -> None:
    prefix = new_prefix(cluster_url)
    session = Session(services=Services(redis_prefix=prefix))
    described = run_cell(session, f"%redis connect {cluster_url}")
    assert described.error is None
    outcome = session.run('redis.incr { key = "visits" by = 2 } as $n\n'
                          'redis.ratelimit { key = "rl" max = 1 ttl = 60 } as $first\n'
                          'redis.ratelimit { key = "rl" max = 1 ttl = 60 } as $second')
    assert outcome.error is None
    assert (outcome.bindings["n"], outcome.bindings["first"], outcome.bindings["second"]) == \
        (2, True, False)
    info = session.services.redis.describe()
    assert info["backend"] == "cluster" and len(info["nodes"]) == 3
    session.services.close()


@pytest.mark.live_redis
def test_a_slot_moving_and_moved_is_followed_transparently(scratch_redis_cluster) -> None:
    cluster = scratch_redis_cluster()
    store = RedisStore(cluster.url)
    store.set("moving", {"n": 1})
    assert store.get("moving") == {"n": 1}  # the client has the slot map now
    slot = key_slot(b"moving")
    source_id, source = primary_of(cluster.ports[0], slot)
    target_id, target = next(primary_of(cluster.ports[0], s) for s in (0, 5500, 11000)
                             if primary_of(cluster.ports[0], s)[1] != source)
    cli(target, "CLUSTER", "SETSLOT", str(slot), "IMPORTING", source_id)
    cli(source, "CLUSTER", "SETSLOT", str(slot), "MIGRATING", target_id)
    assert cli(source, "MIGRATE", "127.0.0.1", str(target), "", "0", "5000",
               "KEYS", "moving") == "OK"
    assert store.get("moving") == {"n": 1}  # mid-migration: ASK, followed by redis-py
    for port in cluster.ports:
        cli(port, "CLUSTER", "SETSLOT", str(slot), "NODE", target_id)
    assert store.get("moving") == {"n": 1}  # MOVED, followed by redis-py
    assert store.incr("moving-count", 1) == 1
    store.close()


@pytest.mark.live_redis
@pytest.mark.slow
def test_a_killed_primary_gives_a_clear_error_and_the_promoted_replica_serves(
        scratch_redis_cluster) -> None:
    cluster = scratch_redis_cluster(replicas=1)
    session = Session(services=Services(redis_url=cluster.url))
    assert session.run('redis.set { key = "warm" data = 1 }').error is None
    victim = primary_of(cluster.ports[0], key_slot(b"k7"))[1]
    outcome: dict = {}
    cell = 'for (1000000) {\n  each as $i {\n    redis.set { key = "k" ~ $i data = $i }\n  }\n}'
    worker = threading.Thread(target=lambda: outcome.update(result=session.run(cell)))
    worker.start()
    time.sleep(0.5)
    cluster.stop_node(victim)
    worker.join(timeout=120)
    assert not worker.is_alive(), "the cell hung after a primary died"
    error = outcome["result"].error
    assert error is not None and error.type == "standard"
    assert "cluster" in error.message and "Traceback" not in error.message
    deadline = time.monotonic() + 30  # the replica takes over after cluster-node-timeout
    while True:
        after = session.run('redis.set { key = "k7" data = 7 }\nredis.get { key = "k7" } as $v')
        if after.error is None or time.monotonic() > deadline:
            break
        time.sleep(0.5)
    assert after.error is None, after.error.message
    assert after.bindings["v"] == 7
    session.services.close()


@pytest.mark.live_redis
def test_a_cluster_password_is_used_and_never_shown(cluster_url) -> None:
    store = RedisStore(cluster_url)
    store.ping()
    assert store.describe()["password"] == "***"
    assert "secret" not in str(store.describe())
    store.close()
    with pytest.raises(XsError) as info:
        RedisStore(cluster_url.replace("secret", "guess"))  # a cluster client connects
    assert "guess" not in info.value.message and "secret" not in info.value.message
    assert info.value.type == "standard" and "cannot reach Redis" in info.value.message


# -- TLS --------------------------------------------------------------------------------


def _without(url: str, *names: str) -> str:
    parts = urlsplit(url)
    query = [(k, v) for k, v in parse_qsl(parts.query) if k not in names]
    return parts._replace(query=urlencode(query, safe="/")).geturl()


@pytest.mark.live_redis
def test_an_untrusted_certificate_says_how_to_pass_the_ca(redis_deployment_url) -> None:
    url = _without(redis_deployment_url("tls"), "ssl_ca_certs")
    store = RedisStore(url)
    with pytest.raises(XsError) as info:
        store.ping()
    message = info.value.message
    assert info.value.type == "standard"
    assert "certificate is not trusted" in message and "ssl_ca_certs=" in message
    store.close()


@pytest.mark.live_redis
def test_a_server_requiring_client_certificates_refuses_a_client_without_one(
        redis_deployment_url) -> None:
    url = _without(redis_deployment_url("tls"), "ssl_certfile", "ssl_keyfile")
    store = RedisStore(url)
    with pytest.raises(XsError) as info:
        store.set("k", 1)
    assert info.value.type == "standard" and "cannot reach Redis" in info.value.message
    store.close()


@pytest.mark.live_redis
def test_tls_is_shown_and_works_with_client_certificates(redis_deployment_url,
                                                          new_prefix) -> None:
    url = redis_deployment_url("tls")
    store = RedisStore(url, prefix=new_prefix(url))
    store.set("secure", "yes")
    assert store.get("secure") == "yes"
    assert store.describe()["tls"] is True
    store.close()


# -- Sentinel ---------------------------------------------------------------------------


@pytest.mark.live_redis
def test_sentinel_finds_the_primary_of_its_service(redis_deployment_url, new_prefix) -> None:
    url = redis_deployment_url("sentinel")
    store = RedisStore(url, prefix=new_prefix(url))
    store.push("queue", {"job": 1})
    assert store.range("queue", 0, -1) == [{"job": 1}]
    info = store.describe()
    assert (info["backend"], info["service"]) == ("sentinel", SENTINEL_SERVICE)
    store.close()


@pytest.mark.live_redis
def test_an_unknown_sentinel_service_is_a_clear_error(redis_deployment_url) -> None:
    url = redis_deployment_url("sentinel").replace(f"/{SENTINEL_SERVICE}/", "/nope/")
    store = RedisStore(url)
    with pytest.raises(XsError) as info:
        store.get("k")
    assert "cannot reach Redis at service 'nope'" in info.value.message
    assert "No master found for 'nope'" in info.value.message
    store.close()


def test_the_sentinel_client_is_redis_pys_own() -> None:
    url = "redis+sentinel://127.0.0.1:1/svc/2?sentinel_password=pw"
    client = redis_connect.connect(url, redis_connect.parse(url))
    pool = client.connection_pool
    assert isinstance(pool, redis.sentinel.SentinelConnectionPool)
    assert pool.connection_kwargs["db"] == 2 and pool.service_name == "svc"


def test_a_cluster_nobody_answers_is_a_clear_error(free_port) -> None:
    with pytest.raises(XsError) as info:
        RedisStore(f"redis+cluster://:pw@127.0.0.1:{free_port}")
    assert info.value.type == "standard"
    where = f"cannot reach Redis at the cluster at 127.0.0.1:{free_port}"
    assert info.value.message.startswith(where)
    assert "pw" not in info.value.message


@pytest.fixture
def free_port() -> int:
    return free_ports(1)[0]
