#!/usr/bin/env bash
# The whole TillSync test suite on a fresh Debian machine: installs what the tests need, builds, runs every test
# project, cleans up, and ends with one line "N passed, N failed". Run as root (CI does) or with sudo rights.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
results="$root/test-output"
rm -rf "$results" && mkdir -p "$results"

# Debian packages the suite needs beyond the .NET SDK. Later suites add postgresql, chromium and hledger here.
debian_packages=()
missing=()
for package in "${debian_packages[@]}"; do
  dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "== installing Debian packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

command -v dotnet >/dev/null || { echo "the .NET SDK (dotnet) is required: see global.json for the version" >&2; exit 2; }
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

echo "== restore and build (warnings are errors)"
dotnet build TillSync.slnx -c Release -nologo -clp:ErrorsOnly

echo "== test"
status=0
dotnet test TillSync.slnx -c Release --no-build -nologo \
  --logger "trx" --results-directory "$results" \
  --logger "console;verbosity=minimal" 2>&1 | tee "$results/console.log" || status=$?

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
