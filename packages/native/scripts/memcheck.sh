#!/usr/bin/env bash
# Runs scripts/memcheck.mjs, which calls every entry point of the compiled
# addon with good and bad input, under valgrind memcheck. Exits non-zero on
# any memory error, any definite leak, or any failed check.
#
#   pnpm --filter @mv/native run memcheck
#   MV_NATIVE_ADDON=build/Debug/mv_native.node bash scripts/memcheck.sh
#
# scripts/v8.supp hides the one report that comes from Node itself (V8's
# conservative stack scan); nothing of the addon is suppressed.
set -euo pipefail
cd "$(dirname "$0")/.."

# Where the addon is optional (MV_NATIVE_REQUIRED unset) a machine without
# valgrind or without a built addon skips the run, as the tests do; on CI
# (MV_NATIVE_REQUIRED=1) either is a failure.
missing() {
  if [ "${MV_NATIVE_REQUIRED:-}" = "1" ]; then
    echo "memcheck: $1" >&2
    exit 2
  fi
  echo "memcheck: skipped: $1"
  exit 0
}
command -v valgrind >/dev/null || missing "valgrind is not installed (Debian: apt-get install valgrind)"
addon="${MV_NATIVE_ADDON:-build/Release/mv_native.node}"
[ -f "$addon" ] || missing "$addon is missing; build it first: pnpm --filter @mv/native run build:addon"

start=$(date +%s)
valgrind --error-exitcode=1 --suppressions=scripts/v8.supp \
  --leak-check=full --show-leak-kinds=definite --errors-for-leak-kinds=definite \
  node --expose-gc scripts/memcheck.mjs "$(realpath "$addon")"
echo "memcheck: valgrind found no errors in $(( $(date +%s) - start ))s"
