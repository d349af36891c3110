#!/usr/bin/env bash
# Command-line test of what every tool shares (docs/DESIGN.md, "Behaviour"): the same option
# spelled the same way everywhere (read from every --help), list options that never take the
# inputs after them, --input by name only, --jobs, -V/--version, and tmk's list of tools.
source "$TMK_SOURCE/tests/cli/lib.sh"
TOOLS="tmk-tokenize tmk-sentences tmk-entities tmk-numbers tmk-quotes tmk-extract tmk-merge tmk-count tmk-ngrams tmk-kwic tmk-cooc tmk-report tmk-train-entities"
DOCUMENT_TOOLS="tmk-tokenize tmk-sentences tmk-entities tmk-numbers tmk-quotes tmk-extract tmk-ngrams tmk-kwic"
TOOL_ARGS_tmk_kwic="-e One"  # what a tool needs besides its inputs
TOOL_ARGS_tmk_extract="-o tables"
cd "$WORK" || fail "cd"

# One vocabulary: collect every long option of every tool's --help; no two names may differ
# only by a plural s (--kind against --kinds) or by - against _.
for tool in $TOOLS; do
  check_status "$tool --help" 0 "$tool" --help
  grep -o -- '--[a-z][a-z_-]*' "$WORK/out" | sort -u | sed "s/^/$tool /"
done >options.txt
awk '{ print $2 }' options.txt | sort -u >names.txt
while read -r name; do
  for other in "${name}s" "${name//_/-}"; do
    [ "$other" = "$name" ] && continue
    grep -qx -- "$other" names.txt && fail "both $name and $other are options: $(grep -e " $name\$" -e " $other\$" options.txt | tr '\n' ' ')"
  done
done <names.txt
CHECKS=$((CHECKS + 1))
check_eq "--kind where kinds are chosen" "tmk-extract --kind
tmk-numbers --kind
tmk-tokenize --kind" "$(grep -e ' --kind$' options.txt | sort)"

# --input: by name, the names shown as they are typed; a number is a usage error.
for tool in $DOCUMENT_TOOLS; do
  check_status "$tool --help" 0 "$tool" --help
  check_grep "$tool --input in help" "--input text|lines|jsonl|tsv|csv (default text)" "$WORK/out"
  grep -q 'ENUM\|->' "$WORK/out" && fail "$tool --help shows the input formats' internal numbers"
  echo 'One.' >one.txt
  args=TOOL_ARGS_${tool//-/_}
  check_status "$tool --input 1" 2 "$tool" ${!args:-} --input 1 one.txt
  check_grep "$tool --input 1 message" "'1' is not one of text|lines|jsonl|tsv|csv" "$WORK/err"
  check_status "$tool --input=lines" 0 "$tool" ${!args:-} --input=lines one.txt
done

# --jobs: 0 or a positive number, said plainly.
for command in tmk-tokenize "tmk-count -c doc" tmk-cooc; do
  tool=${command%% *}
  check_status "$tool -j -1" 2 $command -j -1 /dev/null
  check_eq "$tool -j -1 message" \
    "$tool: --jobs: must be 0 (all cores) or a positive number, not '-1' (see --help)" "$(cat "$WORK/err")"
  check_status "$tool --jobs x" 2 $command --jobs x /dev/null
  check_status "$tool --jobs=99999999999999999999" 2 $command --jobs=99999999999999999999 /dev/null
  check_status "$tool -j 2" 0 $command -j 2 /dev/null
done

# -V and --version on every tool and on tmk: version, source commit, and for the tools that
# use the entity model its checksum.
model_sha=$(sha256sum "$TMK_SOURCE/lib/resources/entities/model.bin" | cut -c1-12)
for tool in tmk $TOOLS; do
  check_status "$tool --version" 0 "$tool" --version
  cp "$WORK/out" version.txt
  check_status "$tool -V" 0 "$tool" -V
  check_eq "$tool -V is --version" "$(cat version.txt)" "$(cat "$WORK/out")"
  check_grep "$tool version line" "^$tool (tmk) [0-9][0-9.]*$" version.txt
  check_grep "$tool source commit" "^source commit [0-9a-z.-]\+$" version.txt
  case $tool in
    tmk-entities | tmk-quotes | tmk-extract) check_grep "$tool model checksum" "^entity model sha256 $model_sha$" version.txt ;;
    *) grep -q "entity model" version.txt && fail "$tool --version names a model it does not use" ;;
  esac
done

# tmk alone and tmk --help list every tool with what it is for.
check_status "tmk alone" 0 tmk
cp "$WORK/out" list.txt
check_status "tmk --help" 0 tmk --help
check_eq "tmk and tmk --help" "$(cat list.txt)" "$(cat "$WORK/out")"
check_eq "every tool listed has a purpose" "" \
  "$(sed -n '/^Tools:/,/^$/p' list.txt | grep '^  ' | grep -v '^  [a-z-]*  *[a-z]')"
for tool in $TOOLS; do
  check_grep "tmk lists ${tool#tmk-} with its purpose" "^  ${tool#tmk-}  *[a-z].\{20,\}" list.txt
done

# Usage errors exit 2 on every tool, the trainer too.
for tool in $TOOLS; do
  check_status "$tool unknown option" 2 "$tool" --frobnicate
done
done_ok
