#!/usr/bin/env bash
# Command-line test of tmk-entities: header, golden rows, offsets, --gazetteer, --model,
# exit codes, bad input, --jobs.
source "$TMK_SOURCE/tests/cli/lib.sh"
DATA="$TMK_SOURCE/tests/data/entities"
HEADER=$'doc\tsent\tstart\tend\ttype\ttext\tcanonical\tsource'

# --help names the columns and ends with an example; --version works.
check_status "--help" 0 tmk-entities --help
check_grep "--help columns" "canonical" "$WORK/out"
check_grep "--help example" "tmk-entities corpus/" "$WORK/out"
check_status "--version" 0 tmk-entities --version

# Golden file: expected rows written by hand (tests/data/entities/golden.tsv): one ORG
# despite commas, titles and 's outside spans, surname and acronym resolution.
check_golden tmk-entities "$DATA" 6

# Header, eight columns, stdin.
printf 'Maria Lopez flew from Denver to Toronto.\n' | tmk-entities >"$WORK/stdin.out"
check_eq "header" "$HEADER" "$(head -n 1 "$WORK/stdin.out")"
check_eq "eight columns" "8" "$(awk -F'\t' '{print NF}' "$WORK/stdin.out" | sort -u)"
check_eq "stdin rows" $'-\tPER\tMaria Lopez\n-\tLOC\tDenver\n-\tLOC\tToronto' \
  "$(tail -n +2 "$WORK/stdin.out" | cut -f1,5,6)"
check_eq "--no-header" "3" "$(printf 'Maria Lopez flew from Denver to Toronto.\n' | tmk-entities --no-header | wc -l)"

# --gazetteer: the user's names win, matched with their case; a bad list is a usage error.
printf 'Members of the Blue Heron Collective met near Quillfeather Flats.\n' >"$WORK/heron.txt"
tmk-entities --gazetteer "$DATA/names.tsv" "$WORK/heron.txt" >"$WORK/heron.out" || fail "--gazetteer run failed"
check_grep "gazetteer name" $'\tORG\tBlue Heron Collective\tBlue Heron Collective\tgazetteer' "$WORK/heron.out"
if grep -q $'\tgazetteer$' <(grep 'Quillfeather Flats' "$WORK/heron.out"); then fail "case-sensitive gazetteer matched"; fi
CHECKS=$((CHECKS + 1))
printf 'Blue Heron\tBIRD\n' >"$WORK/bad-names.tsv"
check_status "bad gazetteer type" 2 tmk-entities --gazetteer "$WORK/bad-names.tsv" "$WORK/heron.txt"
check_grep "bad gazetteer line named" "bad-names.tsv:1" "$WORK/err"
check_status "missing gazetteer" 2 tmk-entities --gazetteer "$WORK/none.tsv" "$WORK/heron.txt"

# --aliases: a name found with its exact case, typed and resolved as the file says; the
# option takes one file and leaves the inputs after it alone (it once swallowed them).
printf 'Blue Heron Collective\tHeron Collective of Maple Grove\tORG\nBHC\tHeron Collective of Maple Grove\tORG\n' \
  >"$WORK/aliases.tsv"
printf 'The Blue Heron Collective met. BHC voted.\n' >"$WORK/bhc.txt"
tmk-entities --aliases "$WORK/aliases.tsv" "$WORK/bhc.txt" >"$WORK/bhc.out" || fail "--aliases run failed"
check_eq "aliases resolve" $'Blue Heron Collective\tHeron Collective of Maple Grove\nBHC\tHeron Collective of Maple Grove' \
  "$(tail -n +2 "$WORK/bhc.out" | cut -f6,7)"
check_status "malformed aliases line" 2 tmk-entities --aliases "$WORK/bad-names.tsv" "$WORK/bhc.txt"

# --model: a file that is not a model is refused.
printf 'junk' >"$WORK/junk.bin"
check_status "bad model" 2 tmk-entities --model "$WORK/junk.bin" "$WORK/heron.txt"

# Bad input: invalid UTF-8 and NUL bytes are read, offsets still slice back.
printf 'Anna Berg \xff\xfe visited Oslo and\x00 Bergen with Lars Dahl.\n' >"$WORK/odd.txt"
tmk-entities "$WORK/odd.txt" >"$WORK/odd.out" 2>"$WORK/odd.err"
check_eq "invalid UTF-8 is a warning" "0" "$?"
check_offsets "offsets with bad bytes" "$WORK/odd.out" "$WORK/odd.txt" 3 4 6
check_grep "name after bad bytes" $'\tLOC\tOslo\t' "$WORK/odd.out"
check_status "--strict rejects invalid UTF-8" 1 tmk-entities --strict "$WORK/odd.txt"
check_status "missing input" 1 tmk-entities "$WORK/none.txt" "$DATA/golden.txt"
check_grep "missing input named" "none.txt" "$WORK/err"
check_status "unknown option" 2 tmk-entities --frobnicate
check_status "empty input" 0 tmk-entities /dev/null
check_eq "empty input: header only" "$HEADER" "$(cat "$WORK/out")"

# --jobs 1 and --jobs 4 give identical output over many documents.
for i in $(seq 1 150); do
  echo "Reporter $i said Maria Lopez met Sen. Peter Novak in Denver. Lopez and Novak then flew to Boston."
done >"$WORK/many.txt"
tmk-entities --input lines --jobs 1 "$WORK/many.txt" >"$WORK/j1.out"
tmk-entities --input lines --jobs 4 "$WORK/many.txt" >"$WORK/j4.out"
check_eq "--jobs 1 = --jobs 4" "$(md5sum <"$WORK/j1.out")" "$(md5sum <"$WORK/j4.out")"
check_eq "canonical per line" "150" "$(grep -c $'\tLopez\tMaria Lopez\t' "$WORK/j1.out")"

# The trainer (kept apart from the tool) still trains and its model is usable.
if command -v tmk-train-entities >/dev/null; then
  {
    printf 'doc_id\tsent_id\ttoken\ttag\n'
    for i in 1 2 3 4; do
      printf 'd%s\td%s-1\tOlga\tB-PER\nd%s\td%s-1\tPetrova\tI-PER\nd%s\td%s-1\tvisited\tO\nd%s\td%s-1\tKelmar\tB-LOC\nd%s\td%s-1\t.\tO\n\n' \
        $i $i $i $i $i $i $i $i $i $i
    done
  } >"$WORK/train.tsv"
  check_status "trainer --help" 0 tmk-train-entities --help
  check_grep "trainer --help: the file format" "header line doc_id, sent_id, token, tag" "$WORK/out"
  check_grep "trainer --help: tags" "BIO over PER, ORG, LOC and MISC" "$WORK/out"
  check_grep "trainer --help: weights" "PATH@WEIGHT" "$WORK/out"
  check_grep "trainer --help: an example" "Example:" "$WORK/out"
  check_status "trainer usage error" 2 tmk-train-entities "$WORK/train.tsv"  # no -o
  check_status "trainer bad --epochs" 2 tmk-train-entities --epochs 0 -o "$WORK/x.bin" "$WORK/train.tsv"
  check_status "trainer runs" 0 tmk-train-entities --epochs 3 --bucket-bits 12 -o "$WORK/tiny.bin" "$WORK/train.tsv"
  printf 'Olga Petrova visited Kelmar.\n' | tmk-entities --model "$WORK/tiny.bin" --no-header >"$WORK/tiny.out"
  check_eq "tiny model" $'PER\tOlga Petrova\nLOC\tKelmar' "$(cut -f5,6 "$WORK/tiny.out")"
  # --dev takes one file: the training file after it is still trained on (same model).
  check_status "--dev before the training file" 0 \
    tmk-train-entities --epochs 3 --bucket-bits 12 --dev "$WORK/train.tsv" -o "$WORK/tiny-dev.bin" "$WORK/train.tsv"
  check_eq "--dev: one held-out file reported" "1" "$(grep -c '^dev train.tsv ' "$WORK/err")"
  cmp -s "$WORK/tiny.bin" "$WORK/tiny-dev.bin" || fail "--dev before the training file: another model"
fi
done_ok
