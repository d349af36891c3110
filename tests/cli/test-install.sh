#!/usr/bin/env bash
# `cmake --install` puts the tools, the public headers and an exported CMake package under a
# prefix; another project builds against it with find_package(tmk) and calls every extractor
# on a text with invalid UTF-8 in it (tests/install/consumer.cpp).
source "$TMK_SOURCE/tests/cli/lib.sh"
[ "${TMK_SANITIZED:-0}" = 1 ] && { echo "skipped in the sanitizer build"; exit 77; }
T=$'\t'
check_status "install" 0 cmake --install "$TMK_BUILD" --prefix "$WORK/prefix"
for tool in tmk tmk-tokenize tmk-sentences; do
  [ -x "$WORK/prefix/bin/$tool" ] || fail "$tool not installed"
done

# Only the public API is installed: include/tmk/{core,text,entities,numbers,quotes}/*.hpp and
# the generated tmk/version.hpp; nothing from lib/ (internal headers), no other file.
installed=$(cd "$WORK/prefix/include" && find . -type f | sed 's|^\./||' | LC_ALL=C sort)
expected=$({ cd "$TMK_SOURCE/include" && ls tmk/core/*.hpp tmk/text/*.hpp tmk/entities/*.hpp tmk/numbers/*.hpp \
  tmk/quotes/*.hpp; echo tmk/version.hpp; } | LC_ALL=C sort)
check_eq "installed headers are the public ones" "$expected" "$installed"
while read -r header; do
  case "$header" in
    tmk/version.hpp | tmk/core/*.hpp | tmk/text/*.hpp | tmk/entities/*.hpp | tmk/numbers/*.hpp | tmk/quotes/*.hpp) ;;
    *) fail "not a public header: $header" ;;
  esac
  # A public header includes only the standard library and other public headers.
  grep -E '^#include "' "$WORK/prefix/include/$header" | grep -vE '^#include "tmk/' && fail "$header includes an internal header"
done <<<"$installed"
echo "installed headers:"
sed 's/^/  /' <<<"$installed"

grep -q 'CXX_STANDARD\|cxx_std' "$TMK_SOURCE/tests/install/CMakeLists.txt" &&
  fail "the consumer must not set a C++ standard (the exported target carries it)"
check_status "consumer configures" 0 cmake -S "$TMK_SOURCE/tests/install" -B "$WORK/consumer" \
  -DCMAKE_PREFIX_PATH="$WORK/prefix" -DCMAKE_BUILD_TYPE=Release
check_status "consumer builds" 0 cmake --build "$WORK/consumer"
check_status "consumer runs" 0 "$WORK/consumer/consumer"
cp "$WORK/out" "$WORK/consumer.out"
cat "$WORK/consumer.out"
OUT="$WORK/consumer.out"
check_grep "version" "^version [0-9]" "$OUT"
# The text has 3 sentences; the invalid byte and the two of the cut-off character are one
# symbol token each (with "$"); offsets are those of the caller's text, and the repaired view
# prints the invalid byte as U+FFFD.
check_eq "what every extractor found" "sentences 3 tokens 30 symbols 4
analysis 3 30
what${T}sent${T}text${T}detail
entity${T}0${T}Maria Lopez${T}PER
entity${T}0${T}Dayton${T}LOC
number${T}1${T}\$12 million${T}money 12000000 USD 
number${T}1${T}40${T}cardinal 40  workers
quote${T}0${T}We will build it,${T}Maria Lopez
invalid${T}0${T} $(printf '\xEF\xBF\xBD') ${T}" "$(sed -n '2,10p' "$OUT")"
check_grep "a misfit analysis is refused" "^misfit refused$" "$OUT"
check_grep "the library leaves SIGPIPE alone" "^SIGPIPE default$" "$OUT"
check_eq "the output is valid UTF-8" "ok" "$(iconv -f UTF-8 -t UTF-8 "$OUT" >/dev/null && echo ok)"
done_ok
