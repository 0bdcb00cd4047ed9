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

# One run more than the machine has cores: a run does not keep a core busy on its own (it waits for processes to start,
# for pages to draw, for a till's next sync): with one run per core, the runs of 155e82d used about 27 min of CPU in a
# clean run of 19 min 42 s on 2 cores, two thirds of what the cores had (bench/RESULTS.md, "Suite time").
# TILLSYNC_TEST_LANES sets another number.
lanes=${TILLSYNC_TEST_LANES:-$(($(nproc) + 1))}
[[ $lanes =~ ^[1-9][0-9]*$ ]] || { echo "scripts/test.sh: TILLSYNC_TEST_LANES must be a whole number above 0; got '$lanes'" >&2; exit 2; }
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

# The tests' files — every HQ's and till's database, the PostgreSQL cluster, the release builds — live on a RAM disk
# when the machine has one with room (Debian mounts /dev/shm as tmpfs): the tests prove what survives a process killed
# with SIGKILL, which the page cache keeps, not what a disk keeps through a power cut, and every commit's fsync (about
# 6 ms on this project's machine) would otherwise make the tests wait on the disk rather than work. The benches
# (bench/) measure on the disk.
scratch_free_kib_min=$((4 * 1024 * 1024))
scratch_parent=/tmp
if [ "$(stat -f -c %T /dev/shm 2>/dev/null)" = tmpfs ] \
    && [ "$(df -k --output=avail /dev/shm 2>/dev/null | tail -n 1)" -ge "$scratch_free_kib_min" ]; then
  scratch_parent=/dev/shm
fi
scratch=$(mktemp -d "$scratch_parent/tillsync-tests.XXXXXX")
# The cluster's folder sits beside it, not in it: the postgres user must reach it, and mktemp's folder is root's alone.
pg_dir=$(mktemp -d "$scratch_parent/tillsync-pg.XXXXXX")

# What the run started is stopped however it ends: a failure, Ctrl-C or a kill.
load_pid= watchdog_pid=
declare -A running=() run_started=()
# The process ids of $1 and everything it started, children before parents.
process_tree() {
  local child
  for child in $(pgrep -P "$1"); do process_tree "$child"; done
  echo "$1"
}
clean_up() {
  # Test runs still going (the script failed or was interrupted) are stopped with everything they started: dotnet test,
  # its test host and the servers the tests run.
  local pids=() pid
  for pid in "${!running[@]}"; do pids+=($(process_tree "$pid")); done
  [ ${#pids[@]} -eq 0 ] || kill "${pids[@]}" 2>/dev/null || true
  if [ -n "$load_pid" ]; then
    kill "$watchdog_pid" "$load_pid" 2>/dev/null || true
    wait "$load_pid" 2>/dev/null || true
  fi
  bash "$root/scripts/postgres.sh" stop "$pg_dir"
  rm -rf "$scratch"
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

# Screenshots of the cashier page and receipts land beside the test results; everything else a test writes, in the
# scratch folder.
export TILLSYNC_TEST_ARTIFACTS="$results/artifacts"
export TMPDIR="$scratch"
echo "== the tests' files in $scratch"

# The tillsync the tests run, published once into the scratch folder and compiled ahead of time (ReadyToRun). The suite
# starts some 600 HQ, till and IRP processes, each living for seconds to a minute, and each compiled the same code
# again as it ran: the JIT and the runtime's type loading took over half of an HQ's CPU. The publish compiles the build
# above ahead of time without building again (--no-build, and the output paths the build used): a publish for this
# machine's runtime would otherwise build every project again for it. A developer's `dotnet test` runs the build beside
# the tests instead; the release and what a shop runs are built by scripts/release.sh. Figures: bench/RESULTS.md,
# "Suite time: the tests' tillsync compiled ahead of time".
echo "== publish the tests' tillsync (ReadyToRun)"
tests_tillsync="$scratch/tillsync"
dotnet restore src/TillSync.Cli/TillSync.Cli.csproj --use-current-runtime -p:PublishReadyToRun=true -nologo -v:q
dotnet publish src/TillSync.Cli/TillSync.Cli.csproj -c Release --use-current-runtime --self-contained false --no-build \
  -p:AppendRuntimeIdentifierToOutputPath=false -p:PublishReadyToRun=true -o "$tests_tillsync" -nologo -clp:ErrorsOnly
export TILLSYNC_TEST_EXECUTABLE_DIR="$tests_tillsync"

# The test runs: every test project with HQ on SQLite, and HQ's suite again on PostgreSQL. They run as one queue, $lanes
# at a time (above), the longest first, so that the PostgreSQL pass fills a lane the others leave idle
# instead of running alone after them (the order is by the durations of a clean run, bench/RESULTS.md "Suite time").
# A test project not named here still runs, after these.
slowest_first=(Browser Hq:sqlite Simulation Hq:postgres Release Till Cli Irp Core Conventions Contracts)
runs=("${slowest_first[@]}")
declare -A named=()
for run in "${slowest_first[@]}"; do
  named[${run%%:*}]=1
  [ -f "tests/TillSync.${run%%:*}.Tests/TillSync.${run%%:*}.Tests.csproj" ] || { echo "scripts/test.sh: no test project for $run" >&2; exit 2; }
done
for csproj in tests/*/TillSync.*.Tests.csproj; do
  project=$(basename "$csproj" .Tests.csproj); project=${project#TillSync.}
  [ -n "${named[$project]:-}" ] || runs+=("$project")
done

# One test run: its trx and attachments in test-output/NAME/, its console in test-output/console-NAME.log.
run_name() { if [[ $1 == *:* ]]; then echo "${1%%:*}-${1#*:}"; else echo "$1-sqlite"; fi; }
# The runtime settings of a short-lived .NET process, for every process of a run — dotnet test, the test host and the
# tillsync processes it starts (a release's executable run as a shop runs it gets a clean environment) — but the
# simulation's, whose one test host runs HQ and tills in process for minutes and was not measured with them. TieredPGO
# off: a method called often is compiled once more, optimised, not twice more (first with counters that profile it). A
# call-count threshold of 1,000 instead of 30: the many methods a start and a test call a few dozen times are compiled
# once; loops that run long are still optimised where they run. They change which machine code runs, never what it
# does. Figures: bench/RESULTS.md, "Suite time: the tests' tillsync compiled ahead of time".
short_lived_runtime=(DOTNET_TieredPGO=0 DOTNET_TC_CallCountThreshold=1000)
# Bash's time keyword writes the CPU the run used (its processes and theirs, user + system) to test-output/NAME.cpu.
test_run() {
  local project=${1%%:*} name environment=() TIMEFORMAT="%U %S"
  name=$(run_name "$1")
  [[ $name == *-postgres ]] && environment+=(TILLSYNC_TEST_STORE=postgres)
  [ "$project" = Simulation ] || environment+=("${short_lived_runtime[@]}")
  { time env "${environment[@]}" dotnet test "tests/TillSync.$project.Tests" -c Release --no-build -nologo \
    --logger "trx;LogFileName=$name.trx" --results-directory "$results/$name" \
    --logger "console;verbosity=minimal" >"$results/console-$name.log" 2>&1; } 2>"$results/$name.cpu"
}

status=0
started=$SECONDS
# Waits for one run to end, then shows its console and how long it took.
finish_one() {
  local pid= code=0
  wait -n -p pid "${!running[@]}" || code=$?
  local run=${running[$pid]} took=$((SECONDS - ${run_started[$pid]}))
  unset "running[$pid]" "run_started[$pid]"
  cat "$results/console-$(run_name "$run").log"
  local cpu
  cpu=$(awk '{ printf "%.0f", $1 + $2 }' "$results/$(run_name "$run").cpu" 2>/dev/null || echo "?")
  echo "== $run ended after $((took / 60)) min $((took % 60)) s, $cpu s of CPU (exit code $code; $((SECONDS - started)) s into the tests)"
  [ "$code" -eq 0 ] || status=$code
}
echo "== test: ${runs[*]} ($lanes at a time; Hq:postgres is HQ's suite again with HQ on PostgreSQL)"
for run in "${runs[@]}"; do
  while [ ${#running[@]} -ge "$lanes" ]; do finish_one; done
  test_run "$run" &
  running[$!]=$run
  run_started[$!]=$SECONDS
done
while [ ${#running[@]} -gt 0 ]; do finish_one; done

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
