#!/usr/bin/env python3
"""Assembles HQ's container image as an OCI image archive, without a container daemon or a registry.

Two layers: the few Debian libraries the self-contained tillsync executable loads (glibc, libgcc, libstdc++, OpenSSL)
and the CA certificates, unpacked from the .deb files given; then the executable itself. Every tar entry has a fixed
owner and time (SOURCE_DATE_EPOCH) and entries are sorted, so the same inputs give the same bytes. The archive is an
OCI image layout (oci-layout, index.json, blobs/sha256/...) with a Docker manifest.json beside it, so that both
`podman load` and `docker load` read it. docs/decisions/0008-release-and-hq-image.md says why it is built this way.
"""
import argparse
import hashlib
import io
import json
import os
import subprocess
import sys
import tarfile
from datetime import datetime, timezone

USER_ID = 10001
PORT = 8080
SKIPPED_PREFIXES = ("usr/share/doc/", "usr/share/man/", "usr/share/lintian/", "usr/share/locale/", "usr/share/info/",
                    "usr/share/bug/", "usr/share/gcc/", "usr/share/gdb/")
# bookworm's packages still ship /lib, /bin and /sbin; its systems merge them into /usr, and so does this image.
MERGED_DIRECTORIES = {"lib": "usr/lib", "lib64": "usr/lib64", "bin": "usr/bin", "sbin": "usr/sbin"}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--executable", required=True, help="the linux tillsync single-file executable")
    parser.add_argument("--debs", required=True, help="directory of the Debian packages of the base layer")
    parser.add_argument("--version", required=True, help="the release, e.g. 1.4.0")
    parser.add_argument("--revision", default="", help="the commit the release was built from")
    parser.add_argument("--arch", default="amd64", help="OCI architecture: amd64 or arm64")
    parser.add_argument("--epoch", type=int, default=int(os.environ.get("SOURCE_DATE_EPOCH", "0")),
                        help="the time of every entry, seconds since 1970 (default: SOURCE_DATE_EPOCH)")
    parser.add_argument("--out", required=True, help="the archive to write, e.g. tillsync-hq-1.4.0.oci.tar")
    args = parser.parse_args()

    debs = sorted(f for f in os.listdir(args.debs) if f.endswith(".deb"))
    if not debs:
        sys.exit(f"oci-image: no .deb files in {args.debs}")
    base = Layer(args.epoch)
    for deb in debs:
        base.add_deb(os.path.join(args.debs, deb))
    base.finish_base(args.epoch)
    app = Layer(args.epoch)
    app.add_directory("app", 0o755)
    with open(args.executable, "rb") as executable:
        app.add_file("app/tillsync", executable.read(), 0o755)
    layers = [base.to_bytes(), app.to_bytes()]

    created = datetime.fromtimestamp(args.epoch, timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    packages = ", ".join(deb.split("_")[0] for deb in debs)
    config = image_config(args, created, [digest(layer) for layer in layers],
                          [f"Debian libraries: {packages}", f"tillsync {args.version} at /app/tillsync"])
    write_archive(args, created, canonical(config), layers)


def image_config(args, created, diff_ids, history):
    seconds = 1_000_000_000
    return {
        "created": created,
        "architecture": args.arch,
        "os": "linux",
        "config": {
            "User": f"{USER_ID}:{USER_ID}",
            "Entrypoint": ["/app/tillsync"],
            "Cmd": ["hq"],
            "Env": [
                "PATH=/app:/usr/bin",
                f"TILLSYNC_URLS=http://+:{PORT}",
                "TILLSYNC_DATA=/data",
                # The executable unpacks SQLite's native library on start; /tmp is the one writable place besides /data.
                "DOTNET_BUNDLE_EXTRACT_BASE_DIR=/tmp",
                "SSL_CERT_FILE=/etc/ssl/certs/ca-certificates.crt",
            ],
            "ExposedPorts": {f"{PORT}/tcp": {}},
            "Volumes": {"/data": {}},
            "WorkingDir": "/data",
            "StopSignal": "SIGTERM",
            "Healthcheck": {
                "Test": ["CMD", "/app/tillsync", "health", "--url", f"http://127.0.0.1:{PORT}/healthz"],
                "Interval": 30 * seconds, "Timeout": 5 * seconds, "StartPeriod": 20 * seconds, "Retries": 3,
            },
            "Labels": {
                "org.opencontainers.image.title": "TillSync HQ",
                "org.opencontainers.image.version": args.version,
                "org.opencontainers.image.revision": args.revision,
            },
        },
        "rootfs": {"type": "layers", "diff_ids": diff_ids},
        "history": [{"created": created, "created_by": f"scripts/oci-image.py: {h}"} for h in history],
    }


class Layer:
    """A tar layer built in memory: entries by path, written sorted with a fixed owner and time."""

    def __init__(self, epoch):
        self.epoch = epoch
        self.entries = {}

    def add_deb(self, path):
        fsys = subprocess.run(["dpkg-deb", "--fsys-tarfile", path], check=True, capture_output=True).stdout
        with tarfile.open(fileobj=io.BytesIO(fsys)) as deb:
            for member in deb.getmembers():
                name = merged(member.name.lstrip("./"))
                if not name or name.startswith(SKIPPED_PREFIXES) or name in self.entries:
                    continue
                data = deb.extractfile(member).read() if member.isfile() else None
                if member.issym() and member.linkname.startswith("/"):
                    member.linkname = "/" + merged(member.linkname.lstrip("/"))
                self.put(name, member, data)

    def finish_base(self, epoch):
        for directory, target in MERGED_DIRECTORIES.items():
            self.add_symlink(directory, target)
        for directory in ("etc", "etc/ssl", "etc/ssl/certs", "usr", "usr/bin", "usr/lib64", "usr/sbin"):
            if directory not in self.entries:
                self.add_directory(directory, 0o755)
        # What update-ca-certificates would make: every CA the package ships, in one bundle, in a fixed order.
        certificates = sorted(n for n in self.entries if n.startswith("usr/share/ca-certificates/") and n.endswith(".crt"))
        self.add_file("etc/ssl/certs/ca-certificates.crt", b"".join(self.entries[n][1] for n in certificates), 0o644)
        self.add_file("etc/passwd", f"root:x:0:0:root:/root:/usr/sbin/nologin\ntillsync:x:{USER_ID}:{USER_ID}:TillSync HQ:/data:/usr/sbin/nologin\n".encode(), 0o644)
        self.add_file("etc/group", f"root:x:0:\ntillsync:x:{USER_ID}:\n".encode(), 0o644)
        self.add_directory("tmp", 0o1777)
        for mount_point in ("dev", "proc", "sys"):  # where a runtime mounts its API file systems
            self.add_directory(mount_point, 0o755)
        self.add_directory("data", 0o700, owner=USER_ID)

    def add_directory(self, name, mode, owner=0):
        info = tarfile.TarInfo(name)
        info.type = tarfile.DIRTYPE
        info.mode = mode
        self.put(name, info, None, owner)

    def add_file(self, name, data, mode):
        info = tarfile.TarInfo(name)
        info.mode = mode
        self.put(name, info, data)

    def add_symlink(self, name, target):
        info = tarfile.TarInfo(name)
        info.type = tarfile.SYMTYPE
        info.linkname = target
        info.mode = 0o777
        self.put(name, info, None)

    def put(self, name, info, data, owner=0):
        info.name = name
        info.uid = info.gid = owner
        info.uname = info.gname = ""
        info.mtime = self.epoch
        info.size = len(data) if data is not None else 0
        self.entries[name] = (info, data)

    def to_bytes(self):
        buffer = io.BytesIO()
        with tarfile.open(fileobj=buffer, mode="w", format=tarfile.PAX_FORMAT) as tar:
            for name in sorted(self.entries):
                info, data = self.entries[name]
                tar.addfile(info, io.BytesIO(data) if data is not None else None)
        return buffer.getvalue()


def merged(name):
    head, _, rest = name.partition("/")
    return f"{MERGED_DIRECTORIES[head]}/{rest}".rstrip("/") if head in MERGED_DIRECTORIES else name.rstrip("/")


def write_archive(args, created, config, layers):
    ref = f"tillsync-hq:{args.version}"
    blobs = {digest(blob): blob for blob in [config, *layers]}
    manifest = canonical({
        "schemaVersion": 2,
        "mediaType": "application/vnd.oci.image.manifest.v1+json",
        "config": descriptor("application/vnd.oci.image.config.v1+json", config),
        "layers": [descriptor("application/vnd.oci.image.layer.v1.tar", layer) for layer in layers],
        "annotations": {"org.opencontainers.image.created": created, "org.opencontainers.image.version": args.version},
    })
    blobs[digest(manifest)] = manifest
    index = canonical({
        "schemaVersion": 2,
        "mediaType": "application/vnd.oci.image.index.v1+json",
        "manifests": [{**descriptor("application/vnd.oci.image.manifest.v1+json", manifest),
                       "annotations": {"org.opencontainers.image.ref.name": args.version,
                                       "io.containerd.image.name": f"docker.io/library/{ref}"}}],
    })
    docker_manifest = canonical([{
        "Config": path_of(config), "RepoTags": [ref], "Layers": [path_of(layer) for layer in layers],
    }])
    archive = Layer(args.epoch)
    archive.add_file("oci-layout", canonical({"imageLayoutVersion": "1.0.0"}), 0o644)
    archive.add_file("index.json", index, 0o644)
    archive.add_file("manifest.json", docker_manifest, 0o644)
    archive.add_directory("blobs", 0o755)
    archive.add_directory("blobs/sha256", 0o755)
    for blob in blobs.values():
        archive.add_file(path_of(blob), blob, 0o644)
    with open(args.out, "wb") as out:
        out.write(archive.to_bytes())


def canonical(value):
    return json.dumps(value, sort_keys=True, separators=(",", ":")).encode()


def digest(blob):
    return "sha256:" + hashlib.sha256(blob).hexdigest()


def path_of(blob):
    return "blobs/sha256/" + hashlib.sha256(blob).hexdigest()


def descriptor(media_type, blob):
    return {"mediaType": media_type, "digest": digest(blob), "size": len(blob)}


if __name__ == "__main__":
    main()
