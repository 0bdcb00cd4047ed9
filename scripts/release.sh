#!/usr/bin/env bash
# Builds a TillSync release: self-contained single-file `tillsync` executables for win-x64, linux-x64 and linux-arm64
# (cross-published from Linux), HQ's container image as an OCI archive, SHA-256 checksums and a BUILDINFO file that names
# every input. The same commit, SDK, NuGet packages and Debian packages give the same bytes; --verify builds everything
# a second time from another directory and compares.
#
#   scripts/release.sh VERSION [--out DIR] [--rids "win-x64 linux-x64 linux-arm64"] [--no-image] [--verify] [--allow-dirty]
#
# VERSION is a release number such as 1.4.0 or 1.4.0-rc.1. Output: release/VERSION/ unless --out says otherwise.
# docs/deploy.md says how to install what it makes; docs/decisions/0008-release-and-hq-image.md why it is made this way.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

usage() { sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2; }
[ $# -ge 1 ] || usage
version=$1
shift
if ! [[ $version =~ ^[0-9]+\.[0-9]+\.[0-9]+(-[0-9A-Za-z.]+)?$ ]]; then
  echo "release: VERSION must look like 1.4.0 or 1.4.0-rc.1; got '$version'" >&2
  exit 2
fi

out="$root/release/$version"
rids="win-x64 linux-x64 linux-arm64"
image=yes verify=no allow_dirty=no
while [ $# -gt 0 ]; do
  case $1 in
    --out) out=$(realpath -m "$2"); shift 2 ;;
    --rids) rids=$2; shift 2 ;;
    --no-image) image=no; shift ;;
    --verify) verify=yes; shift ;;
    --allow-dirty) allow_dirty=yes; shift ;;
    *) usage ;;
  esac
done
for rid in $rids; do
  case $rid in win-x64|linux-x64|linux-arm64) ;; *) echo "release: unknown runtime '$rid'" >&2; exit 2 ;; esac
done

# The release names the commit it was built from; a tree with changes not committed is no commit's release.
commit=$(git rev-parse HEAD)
revision=$commit
if [ -n "$(git status --porcelain --untracked-files=normal)" ]; then
  if [ $allow_dirty = no ]; then
    echo "release: the work tree has changes not committed; commit them, or pass --allow-dirty for a build marked .dirty" >&2
    exit 2
  fi
  revision="$commit.dirty"
fi
# Every time stamp the build writes (the image's entries and its creation time) is the commit's time.
SOURCE_DATE_EPOCH=$(git log -1 --format=%ct HEAD)
export SOURCE_DATE_EPOCH DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

# Debian packages the image's base layer unpacks: what the self-contained executable loads besides itself.
base_packages=(libc6 libgcc-s1 libstdc++6 libssl3 ca-certificates)

# Builds every artifact from a copy of the tree in $1 into $2. A copy, so that the build cannot meet bin/ and obj/
# left by a developer's or the test suite's builds, and so that the build directory's name can be shown not to matter.
build() {
  local work=$1 artifacts=$2
  local src="$work/src"
  mkdir -p "$src" "$artifacts"
  git ls-files -z --cached --others --exclude-standard | while IFS= read -r -d '' file; do
    [ -e "$file" ] && printf '%s\0' "$file"
  done | tar --null -T - -cf - | tar -xf - -C "$src"

  for rid in $rids; do
    echo "== publish $rid" >&2
    # PathMap: no path of this machine in the binaries. DebugType=embedded: stack traces keep their line numbers.
    # RunAnalyzers=false: the code analysis and style analyzers only report (the build of scripts/test.sh and CI runs
    # them, warnings as errors) and add nothing to the output; source generators still run.
    dotnet publish "$src/src/TillSync.Cli/TillSync.Cli.csproj" -c Release -r "$rid" --self-contained \
      -p:PublishSingleFile=true -p:IncludeNativeLibrariesForSelfExtract=true \
      -p:Version="$version" -p:SourceRevisionId="$revision" -p:EnableSourceControlManagerQueries=false \
      -p:PathMap="$src=/_/" -p:DebugType=embedded -p:ContinuousIntegrationBuild=true -p:RunAnalyzers=false \
      -o "$work/publish/$rid" -nologo -clp:ErrorsOnly -nodeReuse:false >&2
    local exe=tillsync suffix=""
    [[ $rid == win-* ]] && exe=tillsync.exe suffix=.exe
    cp "$work/publish/$rid/$exe" "$artifacts/tillsync-$version-$rid$suffix"
  done

  if [ $image = yes ]; then
    echo "== HQ image (linux-x64)" >&2
    [ -e "$artifacts/tillsync-$version-linux-x64" ] || { echo "release: the image needs linux-x64 in --rids" >&2; exit 2; }
    python3 "$root/scripts/oci-image.py" --executable "$artifacts/tillsync-$version-linux-x64" --debs "$debs" \
      --version "$version" --revision "$revision" --arch amd64 --out "$artifacts/tillsync-hq-$version.oci.tar"
  fi
  (cd "$artifacts" && sha256sum -- * > SHA256SUMS)
}

work=$(mktemp -d /tmp/tillsync-release.XXXXXX)
trap 'rm -rf "$work"' EXIT
debs="$work/debs"
if [ $image = yes ]; then
  mkdir -p "$debs"
  # apt-get download takes the version the machine's package lists name; BUILDINFO records which, with checksums.
  if ! (cd "$debs" && apt-get download -qq "${base_packages[@]}" 2>/dev/null); then
    apt-get update -qq
    (cd "$debs" && apt-get download -qq "${base_packages[@]}")
  fi
fi

rm -rf "$out"
build "$work/a" "$out"
{
  echo "version $version"
  echo "revision $revision"
  echo "source_date_epoch $SOURCE_DATE_EPOCH"
  echo "dotnet_sdk $(dotnet --version)"
  echo "runtimes $rids"
  if [ $image = yes ]; then
    for deb in "$debs"/*.deb; do
      echo "debian $(dpkg-deb -f "$deb" Package)=$(dpkg-deb -f "$deb" Version) sha256:$(sha256sum "$deb" | cut -d' ' -f1)"
    done
  fi
} > "$out/BUILDINFO"

if [ $verify = yes ]; then
  # A second build from another directory: the bytes must not depend on where or when the build ran.
  build "$work/second-build" "$work/b"
  if cmp -s "$out/SHA256SUMS" "$work/b/SHA256SUMS"; then
    echo "release: reproducible: a second build from another directory gave the same bytes" >&2
  else
    echo "release: NOT reproducible; the checksums of the two builds differ:" >&2
    diff "$out/SHA256SUMS" "$work/b/SHA256SUMS" >&2 || true
    exit 1
  fi
fi

echo "release: $out" >&2
cat "$out/SHA256SUMS"
