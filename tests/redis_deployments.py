"""Real Redis deployments the suite starts for itself, each on free ports in a temporary
folder and stopped by pid: a 3-primary Redis Cluster, a TLS server that requires client
certificates (a CA and certificates made at test time), and a Sentinel watching a primary.

They run Debian's ``redis-server`` and ``redis-cli`` (``.ci/run`` installs them when
missing); Sentinel is ``redis-server --sentinel``, which is all a ``redis-sentinel``
binary is. ``Deployment.url`` is what a user would give ``XS_REDIS_URL``.
"""

from __future__ import annotations

import datetime as dt
import ipaddress
import shutil
import socket
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path

STARTUP_SECONDS = 20.0


@dataclass
class Deployment:
    url: str
    processes: list[subprocess.Popen] = field(default_factory=list)
    ports: list[int] = field(default_factory=list)
    folder: Path | None = None

    def stop(self) -> None:
        for process in self.processes:
            stop_process(process)

    def stop_node(self, port: int) -> None:
        """Kill the server on PORT (a cluster primary, say) the hard way."""
        process = self.processes[self.ports.index(port)]
        process.kill()
        process.wait(timeout=10)


def missing_binaries() -> str | None:
    absent = [name for name in ("redis-server", "redis-cli") if shutil.which(name) is None]
    return f"{', '.join(absent)} not installed (apt-get install redis-server redis-tools)" \
        if absent else None


def stop_process(process: subprocess.Popen) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=5)


def free_ports(count: int, with_bus: bool = False) -> list[int]:
    """COUNT ports free now (and, WITH_BUS, port + 10000 too: a cluster node's bus)."""
    ports: list[int] = []
    while len(ports) < count:
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        if port in ports or (with_bus and (port > 55000 or not _is_free(port + 10000))):
            continue
        ports.append(port)
    return ports


def _is_free(port: int) -> bool:
    with socket.socket() as probe:
        try:
            probe.bind(("127.0.0.1", port))
            return True
        except OSError:
            return False


def _server(folder: Path, name: str, *args: str) -> subprocess.Popen:
    command = ["redis-server", *args, "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
               "--dir", str(folder), "--logfile", str(folder / f"{name}.log")]
    return subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def _cli(port: int, *args: str, tls: list[str] = ()) -> str:
    run = subprocess.run(["redis-cli", "-h", "127.0.0.1", "-p", str(port), *tls, *args],
                         capture_output=True, text=True, timeout=10)
    return run.stdout.strip()


def _wait(what: str, ready, processes: list[subprocess.Popen], folder: Path) -> None:
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        dead = [p for p in processes if p.poll() is not None]
        if dead:
            raise RuntimeError(f"{what}: redis-server exited; logs in {folder}: "
                               + _logs(folder))
        if ready():
            return
        time.sleep(0.1)
    raise RuntimeError(f"{what} not ready after {STARTUP_SECONDS:.0f} s: " + _logs(folder))


def _logs(folder: Path) -> str:
    return " | ".join(line for log in sorted(folder.glob("*.log"))
                      for line in log.read_text(errors="replace").splitlines()[-3:])


# -- cluster ----------------------------------------------------------------------------


def start_cluster(folder: Path, replicas: int = 0) -> Deployment:
    """Three primaries (and REPLICAS replicas of each) on free ports, joined with
    ``redis-cli --cluster create``."""
    ports = free_ports(3 * (1 + replicas), with_bus=True)
    processes = [_server(folder, f"node-{port}", "--port", str(port),
                         "--cluster-enabled", "yes",
                         "--cluster-config-file", str(folder / f"nodes-{port}.conf"),
                         "--cluster-node-timeout", "2000") for port in ports]
    deployment = Deployment("redis+cluster://" + ",".join(f"127.0.0.1:{p}" for p in ports),
                            processes, ports, folder)
    try:
        _wait("cluster nodes", lambda: all(_cli(p, "PING") == "PONG" for p in ports),
              processes, folder)
        create = subprocess.run(
            ["redis-cli", "--cluster", "create", *(f"127.0.0.1:{p}" for p in ports),
             "--cluster-replicas", str(replicas), "--cluster-yes"],
            capture_output=True, text=True, timeout=60)
        if create.returncode != 0:
            raise RuntimeError(f"redis-cli --cluster create failed: {create.stdout[-500:]}")
        _wait("cluster state ok",
              lambda: all("cluster_state:ok" in _cli(p, "CLUSTER", "INFO") for p in ports),
              processes, folder)
        # A replica that has not synced yet would not stand for election if its primary
        # died; wait for every link so a test can kill a primary at once.
        _wait("replicas in sync", lambda: all(
            "master_link_status:down" not in _cli(p, "INFO", "replication") for p in ports),
            processes, folder)
    except BaseException:
        deployment.stop()
        raise
    return deployment


# -- TLS --------------------------------------------------------------------------------


def start_tls(folder: Path) -> Deployment:
    """A server on a TLS port only, requiring client certificates signed by our CA."""
    files = make_certificates(folder)
    (port,) = free_ports(1)
    process = _server(folder, "tls", "--port", "0", "--tls-port", str(port),
                      "--tls-cert-file", str(files["server.crt"]),
                      "--tls-key-file", str(files["server.key"]),
                      "--tls-ca-cert-file", str(files["ca.crt"]),
                      "--tls-auth-clients", "yes")
    query = (f"ssl_ca_certs={files['ca.crt']}&ssl_certfile={files['client.crt']}"
             f"&ssl_keyfile={files['client.key']}")
    deployment = Deployment(f"rediss://127.0.0.1:{port}/0?{query}", [process], [port], folder)
    tls = ["--tls", "--cacert", str(files["ca.crt"]), "--cert", str(files["client.crt"]),
           "--key", str(files["client.key"])]
    try:
        _wait("TLS server", lambda: _cli(port, "PING", tls=tls) == "PONG", [process], folder)
    except BaseException:
        deployment.stop()
        raise
    return deployment


def make_certificates(folder: Path) -> dict[str, Path]:
    """A CA, a server certificate for 127.0.0.1/localhost and a client certificate."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    def name(text: str) -> x509.Name:
        return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, text)])

    def certificate(subject: str, key, issuer: str, signer, *, ca: bool = False,
                    hosts: bool = False) -> x509.Certificate:
        now = dt.datetime.now(dt.timezone.utc)
        builder = (x509.CertificateBuilder().subject_name(name(subject)).issuer_name(name(issuer))
                   .public_key(key.public_key()).serial_number(x509.random_serial_number())
                   .not_valid_before(now - dt.timedelta(minutes=5))
                   .not_valid_after(now + dt.timedelta(days=1))
                   .add_extension(x509.BasicConstraints(ca=ca, path_length=None), critical=True))
        if hosts:
            builder = builder.add_extension(x509.SubjectAlternativeName(
                [x509.DNSName("localhost"), x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
                critical=False)
        return builder.sign(signer, hashes.SHA256())

    files: dict[str, Path] = {}

    def write(stem: str, key, cert: x509.Certificate) -> None:
        files[f"{stem}.key"] = folder / f"{stem}.key"
        files[f"{stem}.crt"] = folder / f"{stem}.crt"
        files[f"{stem}.key"].write_bytes(key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption()))
        files[f"{stem}.crt"].write_bytes(cert.public_bytes(serialization.Encoding.PEM))

    ca_key = ec.generate_private_key(ec.SECP256R1())
    write("ca", ca_key, certificate("xs test CA", ca_key, "xs test CA", ca_key, ca=True))
    for stem, hosts in (("server", True), ("client", False)):
        key = ec.generate_private_key(ec.SECP256R1())
        write(stem, key, certificate(f"xs test {stem}", key, "xs test CA", ca_key, hosts=hosts))
    return files


# -- Sentinel ---------------------------------------------------------------------------

SENTINEL_SERVICE = "xs-primary"


def start_sentinel(folder: Path) -> Deployment:
    """A primary and one Sentinel watching it under the service name ``xs-primary``."""
    primary, watcher = free_ports(2)
    processes = [_server(folder, "primary", "--port", str(primary))]
    config = folder / "sentinel.conf"
    config.write_text(f"port {watcher}\nbind 127.0.0.1\ndir {folder}\n"
                      f"logfile {folder / 'sentinel.log'}\n"
                      f"sentinel monitor {SENTINEL_SERVICE} 127.0.0.1 {primary} 1\n"
                      f"sentinel down-after-milliseconds {SENTINEL_SERVICE} 2000\n")
    deployment = Deployment(f"redis+sentinel://127.0.0.1:{watcher}/{SENTINEL_SERVICE}/0",
                            processes, [primary, watcher], folder)
    try:
        _wait("primary", lambda: _cli(primary, "PING") == "PONG", processes, folder)
        processes.append(subprocess.Popen(["redis-server", str(config), "--sentinel"],
                                          stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
        _wait("sentinel", lambda: str(primary) in _cli(
            watcher, "SENTINEL", "get-master-addr-by-name", SENTINEL_SERVICE), processes, folder)
    except BaseException:
        deployment.stop()
        raise
    return deployment


def primary_of(port: int, slot: int) -> tuple[str, int]:
    """The id and port of the primary serving SLOT."""
    for line in _cli(port, "CLUSTER", "NODES").splitlines():
        fields = line.split()
        if "master" not in fields[2] or "fail" in fields[2]:
            continue
        for span in fields[8:]:
            if span[0].isdigit():
                low, _, high = span.partition("-")
                if int(low) <= slot <= int(high or low):
                    return fields[0], int(fields[1].split("@")[0].rsplit(":", 1)[1])
    raise LookupError(f"no primary serves slot {slot}")


def cli(port: int, *args: str) -> str:
    """redis-cli against the node at PORT (no TLS)."""
    return _cli(port, *args)
