#!/usr/bin/env bash
# `cmake --install` puts the tools, headers and an exported CMake package under a prefix, and
# another project builds against it with find_package(tmk).
source "$TMK_SOURCE/tests/cli/lib.sh"
[ "${TMK_SANITIZED:-0}" = 1 ] && { echo "skipped in the sanitizer build"; exit 77; }
check_status "install" 0 cmake --install "$TMK_BUILD" --prefix "$WORK/prefix"
for tool in tmk tmk-tokenize tmk-sentences; do
  [ -x "$WORK/prefix/bin/$tool" ] || fail "$tool not installed"
done
[ -f "$WORK/prefix/include/tmk/version.hpp" ] || fail "generated header not installed"
check_status "consumer configures" 0 cmake -S "$TMK_SOURCE/tests/install" -B "$WORK/consumer" \
  -DCMAKE_PREFIX_PATH="$WORK/prefix" -DCMAKE_BUILD_TYPE=Release
check_status "consumer builds" 0 cmake --build "$WORK/consumer"
check_eq "consumer runs" "2" "$("$WORK/consumer/consumer" "One sentence here. And another one.")"
done_ok
