#!/usr/bin/env bash
# `cmake --install` puts the tools with their man pages and bash and zsh completions, the
# public headers and an exported CMake package under a prefix; another project builds against
# it with find_package(tmk) and calls every extractor on a text with invalid UTF-8 in it
# (tests/install/consumer.cpp).
source "$TMK_SOURCE/tests/cli/lib.sh"
[ "${TMK_SANITIZED:-0}" = 1 ] && { echo "skipped in the sanitizer build"; exit 77; }
T=$'\t'
check_status "install" 0 cmake --install "$TMK_BUILD" --prefix "$WORK/prefix"
P=$WORK/prefix

# Every tool (apps/tmk-NAME.cpp and the trainer) is installed. `tmk` lists the tools beside it,
# and nothing else there (the build directory holds other tmk-* files), so its man page lists
# them. Each tool runs and has a man page and bash and zsh completions.
tools=$({ cd "$TMK_SOURCE/apps" && ls tmk-*.cpp | sed 's/^tmk-//; s/\.cpp$//'; echo train-entities; } | LC_ALL=C sort)
check_eq "the built tmk lists every tool" "$tools" "$(tmk --help | sed -n '/^Tools:$/,/^$/s/^  //p' | cut -d' ' -f1)"
check_eq "the installed tmk lists every tool" "$tools" "$("$P/bin/tmk" --help | sed -n '/^Tools:$/,/^$/s/^  //p' | cut -d' ' -f1)"
check_status "installed tmk --version" 0 "$P/bin/tmk" --version
for name in $tools; do
  tool=tmk-$name
  [ -x "$P/bin/$tool" ] || fail "$tool not installed"
  check_status "installed $tool --help" 0 "$P/bin/$tool" --help
  grep -q -- '--version' "$WORK/out" || continue  # the trainer has no --version
  check_status "installed $tool --version" 0 "$P/bin/$tool" --version
  check_grep "$tool --version" "^$tool (tmk) [0-9]" "$WORK/out"
done
for tool in tmk $(sed 's/^/tmk-/' <<<"$tools"); do
  check_grep "$tool man page" "^\.TH ${tool^^} \"1\"" "$P/share/man/man1/$tool.1"
  check_grep "$tool man page" "^\.SH \"EXIT STATUS\"" "$P/share/man/man1/$tool.1"
  check_grep "$tool bash completion" "^complete .* $tool\$" "$P/share/bash-completion/completions/$tool"
  check_grep "$tool zsh completion" "^#compdef $tool\$" "$P/share/zsh/vendor-completions/_$tool"
done

# A man page renders, with its options from --help.
command -v man >/dev/null || fail "man is missing (scripts/setup installs man-db)"
LC_ALL=C MANWIDTH=80 check_status "man -l renders tmk-entities.1" 0 man -l "$P/share/man/man1/tmk-entities.1"
check_grep "rendered page: name" "^ *tmk-entities  *- Find names of people" "$WORK/out"
check_grep "rendered page: an option" "^ *--gazetteer" "$WORK/out"
check_grep "rendered page: exit status" "^EXIT STATUS" "$WORK/out"

# The bash completions complete options, the values of an enumeration, and after `tmk` the
# tool names and then that tool's options.
complete_words() {  # complete_words FILE FUNCTION WORD...: the completions of the last WORD
  bash -c 'source "$1"; shift; f=$1; shift; COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); "$f"; echo "${COMPREPLY[*]}"' \
    complete "$1" "${@:2}"
}
C=$P/share/bash-completion/completions
check_eq "complete tmk-entities --ga" "--gazetteer" "$(complete_words "$C/tmk-entities" _tmk_entities tmk-entities --ga)"
check_eq "complete tmk-entities --input " "text lines jsonl tsv csv" \
  "$(complete_words "$C/tmk-entities" _tmk_entities tmk-entities --input '')"
check_eq "complete tmk ng" "ngrams" "$(complete_words "$C/tmk" _tmk tmk ng)"
check_eq "complete tmk count --to" "--top" "$(complete_words "$C/tmk" _tmk tmk count --to)"

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
