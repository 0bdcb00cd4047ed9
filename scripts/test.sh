#!/usr/bin/env bash
# The whole TillSync test suite on a fresh Debian machine: installs what the tests need, builds, runs every test
# project, cleans up, and ends with one line "N passed, N failed". Run as root (CI does) or with sudo rights.
# `--under-load` runs the same tests while stress-ng keeps one CPU hog per core busy, from the first test to the last:
# the suite must pass on a busy machine, since its tests wait for conditions, never for a time.
set -euo pipefail
usage="usage: scripts/test.sh [--under-load]"
under_load=false
for argument in "$@"; do
  case "$argument" in
    --under-load) under_load=true ;;
    -h|--help) echo "$usage"; exit 0 ;;
    *) echo "scripts/test.sh: unknown option '$argument'; $usage" >&2; exit 2 ;;
  esac
done
cd "$(dirname "$0")/.."
root=$(pwd)
results="$root/test-output"
rm -rf "$results" && mkdir -p "$results"

# Debian packages the suite needs beyond the .NET SDK: PostgreSQL for the second store, Debian's Chromium (never a
# downloaded browser) and its fonts for the browser tests; hledger checks the journal HQ exports; systemd brings
# systemd-analyze, which checks the till's unit (tests/TillSync.Release.Tests); prometheus brings promtool, which checks
# the /metrics scrapes and the alert rules of docs/operations.md; stress-ng makes the load of --under-load.
debian_packages=(postgresql chromium fonts-liberation hledger systemd prometheus)
if $under_load; then
  debian_packages+=(stress-ng)
fi
missing=()
for package in "${debian_packages[@]}"; do
  dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "== installing Debian packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}"
  # The package starts a default cluster where it can; the tests use their own throwaway one, so stop it again.
  if [[ " ${missing[*]} " == *" postgresql "* ]] && command -v pg_lsclusters >/dev/null; then
    pg_lsclusters --no-header 2>/dev/null | while read -r version cluster _; do
      pg_ctlcluster "$version" "$cluster" stop 2>/dev/null || true
    done
  fi
fi

command -v dotnet >/dev/null || { echo "the .NET SDK (dotnet) is required: see global.json for the version" >&2; exit 2; }
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

echo "== restore and build (warnings are errors)"
dotnet build TillSync.slnx -c Release -nologo -clp:ErrorsOnly

# What the run started is stopped however it ends: a failure, Ctrl-C or a kill.
pg_dir=$(mktemp -d /tmp/tillsync-pg.XXXXXX)
load_pid= watchdog_pid=
clean_up() {
  if [ -n "$load_pid" ]; then
    kill "$watchdog_pid" "$load_pid" 2>/dev/null || true
    wait "$load_pid" 2>/dev/null || true
  fi
  bash "$root/scripts/postgres.sh" stop "$pg_dir"
}
trap clean_up EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

if $under_load; then
  cpus=$(nproc)
  echo "== under load: stress-ng keeps $cpus CPU hogs (one per core) busy until the run ends"
  stress-ng --cpu "$cpus" --quiet &
  load_pid=$!
  # Should this script be killed with SIGKILL, when no trap runs, the watchdog still stops the load.
  script_pid=$$
  (
    while kill -0 "$script_pid" 2>/dev/null; do sleep 5; done
    [ "$(cat "/proc/$load_pid/comm" 2>/dev/null)" = stress-ng ] && kill "$load_pid"
  ) >/dev/null 2>&1 &
  watchdog_pid=$!
fi

# A throwaway PostgreSQL cluster on a free loopback port.
echo "== start a throwaway PostgreSQL cluster"
TILLSYNC_TEST_POSTGRES=$(bash scripts/postgres.sh start "$pg_dir")
export TILLSYNC_TEST_POSTGRES

# Screenshots of the cashier page and receipts land beside the test results.
export TILLSYNC_TEST_ARTIFACTS="$results/artifacts"

status=0
started=$SECONDS
echo "== test: every project (HQ on SQLite)"
dotnet test TillSync.slnx -c Release --no-build -nologo \
  --logger "trx" --results-directory "$results/sqlite" \
  --logger "console;verbosity=minimal" 2>&1 | tee "$results/console-sqlite.log" || status=$?

echo "== test: the HQ contract suite again, HQ on PostgreSQL"
TILLSYNC_TEST_STORE=postgres dotnet test tests/TillSync.Hq.Tests -c Release --no-build -nologo \
  --logger "trx" --results-directory "$results/postgres" \
  --logger "console;verbosity=minimal" 2>&1 | tee "$results/console-postgres.log" || status=$?

elapsed=$((SECONDS - started))
echo "== tests ran for $((elapsed / 60)) min $((elapsed % 60)) s$($under_load && echo " under load")"

# One closing line for people and CI: the sum over every test project's trx file.
python3 - "$results" <<'PY'
import glob, sys, xml.etree.ElementTree as ET
passed = failed = skipped = 0
for path in glob.glob(f"{sys.argv[1]}/**/*.trx", recursive=True):
    counters = ET.parse(path).getroot().find(".//{*}ResultSummary/{*}Counters")
    passed += int(counters.get("passed", 0))
    failed += int(counters.get("failed", 0)) + int(counters.get("error", 0)) + int(counters.get("timeout", 0))
    skipped += int(counters.get("notExecuted", 0))
print(f"{passed} passed, {failed} failed, {skipped} skipped")
PY
exit $status
