#!/usr/bin/env bash
# Command-line test of tmk-numbers: header, golden rows, offsets, options, exit codes, jobs.
source "$TMK_SOURCE/tests/cli/lib.sh"
DATA="$TMK_SOURCE/tests/data/numbers"
HEADER=$'doc\tsent\tstart\tend\tkind\tvalue\tunit\tqualifier\tcounted\ttext'

# --help names the columns and ends with an example; --version works.
check_status "--help" 0 tmk-numbers --help
check_grep "--help columns" "doc, sent, start, end, kind, value, unit, qualifier, counted, text" "$WORK/out"
check_grep "--help example" "tmk-numbers corpus/" "$WORK/out"
check_status "--version" 0 tmk-numbers --version

# Golden file: every expected row was written by hand (tests/data/numbers/golden.tsv).
check_golden tmk-numbers "$DATA" 10

# Header and ten columns on every row, from stdin.
printf 'Roughly 40 percent of 2,000 voters paid $5.\n' | tmk-numbers >"$WORK/stdin.out"
check_eq "header" "$HEADER" "$(head -n 1 "$WORK/stdin.out")"
check_eq "ten columns" "10" "$(awk -F'\t' '{print NF}' "$WORK/stdin.out" | sort -u)"
check_eq "stdin doc id" "-" "$(sed -n 2p "$WORK/stdin.out" | cut -f1)"
check_eq "stdin rows" $'percent\t40\tpercent\tapprox\nmoney\t5\tUSD\t\ncardinal\t2000\t\t' \
  "$(tail -n +2 "$WORK/stdin.out" | cut -f5-8 | sort -r)"
check_eq "--no-header" "3" "$(printf 'Roughly 40 percent of 2,000 voters paid $5.\n' | tmk-numbers --no-header | wc -l)"

# --kind keeps only the named kinds: a comma-separated list or one kind per --kind, and it
# never takes the inputs after it (the paths are read, whatever the spelling).
check_eq "--kind" $'money\nyear' "$(tmk-numbers --kind money,year --no-header "$DATA/golden.txt" | cut -f5 | sort -u)"
check_eq "--kind twice" $'money\nyear' \
  "$(tmk-numbers --kind money --kind year --no-header "$DATA/golden.txt" | cut -f5 | sort -u)"
mkdir "$WORK/corpus" && cp "$DATA/golden.txt" "$WORK/corpus/"
for spelling in "--kind money" "--kind=money"; do
  check_status "$spelling before a directory" 0 tmk-numbers $spelling --no-header "$WORK/corpus/"
  check_eq "$spelling before a directory: its rows" "money" "$(cut -f5 "$WORK/out" | sort -u)"
  check_eq "$spelling before a directory: the document" "$WORK/corpus/golden.txt" "$(cut -f1 "$WORK/out" | sort -u)"
  check_status "$spelling before two files" 0 tmk-numbers $spelling --no-header "$DATA/golden.txt" "$DATA/golden.txt"
  check_eq "$spelling before two files: both read" \
    "$((2 * $(grep -c $'\tmoney\t' "$DATA/golden.tsv")))" "$(wc -l <"$WORK/out")"
done
check_status "--kind unknown" 2 tmk-numbers --kind colour "$DATA/golden.txt"
check_grep "--kind unknown message" "'colour' is not one of cardinal|ordinal" "$WORK/err"

# Offsets slice back on multi-byte text, invalid UTF-8 and CRLF lines.
printf 'Caf\xc3\xa9 \xe2\x80\x9cB\xc3\xbcro\xe2\x80\x9d sold \xe2\x82\xac3.2m of 12\xe2\x80\x8912 items\r\n\xff at 9 a.m. on 4 May 2021.\r\n' >"$WORK/odd.txt"
tmk-numbers "$WORK/odd.txt" >"$WORK/odd.out" 2>"$WORK/odd.err"
check_eq "invalid UTF-8 is a warning" "0" "$?"
check_offsets "multi-byte offsets" "$WORK/odd.out" "$WORK/odd.txt" 3 4 10
check_grep "euro amount" $'money\t3200000\tEUR' "$WORK/odd.out"
check_grep "date after invalid byte" $'date\t2021-05-04' "$WORK/odd.out"
check_status "--strict rejects invalid UTF-8" 1 tmk-numbers --strict "$WORK/odd.txt"

# Exit codes: a missing file is reported (status 1) and the other inputs are still read.
check_status "missing input" 1 tmk-numbers "$WORK/none.txt" "$DATA/golden.txt"
check_grep "missing input named" "none.txt" "$WORK/err"
check_eq "others still read" "15" "$(wc -l <"$WORK/out")"
check_status "unknown option" 2 tmk-numbers --frobnicate
check_status "empty input" 0 tmk-numbers /dev/null
check_eq "empty input: header only" "$HEADER" "$(cat "$WORK/out")"

# --jobs 1 and --jobs 4 give identical output over many documents (one per line).
for i in $(seq 1 200); do
  echo "Item $i: about $((i * 3)) percent of $((i * 11)) staff earned \$$i.5m in $((1900 + i)), on Jan. $((i % 28 + 1))."
done >"$WORK/many.txt"
tmk-numbers --input lines --jobs 1 "$WORK/many.txt" >"$WORK/j1.out"
tmk-numbers --input lines --jobs 4 "$WORK/many.txt" >"$WORK/j4.out"
check_eq "jobs 1 vs 4" "$(md5sum <"$WORK/j1.out")" "$(md5sum <"$WORK/j4.out")"
check_eq "lines input rows (label, percent, cardinal, money, year, date each)" "1201" "$(wc -l <"$WORK/j1.out")"

# Relative dates in corpus/, checked by hand against the articles. The second article's
# dateline, "August 18, 2015" on its own line, was a Tuesday, so "Last Friday" is 14 August.
# The first has no dateline: it reports the unions' statement of Monday 22 February 2016,
# after the Nevada caucus of Saturday 20 February ("over the weekend").
CORPUS="$TMK_SOURCE/corpus"
check_eq "dateline resolves" $'date\t2015-08-18\tAugust 18, 2015\ndate\t2015-08-14\tLast Friday' \
  "$(tmk-numbers --kind date --no-header "$CORPUS/002_81d68105fabcd2d8.txt" | cut -f5,6,10)"
check_eq "--date resolves" \
  $'date\t2016-02-22\tMonday\ndate\t2016-02-22\tMonday\ninterval\t2016-02-20/2016-02-21\tover the weekend' \
  "$(tmk-numbers --kind date,interval --no-header --date 2016-02-22 "$CORPUS/000_ae791565803d9243.txt" | cut -f5,6,10)"
check_eq "no date: relative values" $'rel:<=MON\nrel:<=MON\nrel:<WKND' \
  "$(tmk-numbers --kind date,interval --no-header "$CORPUS/000_ae791565803d9243.txt" | cut -f6)"
# --date comes before the dateline.
check_eq "--date over dateline" "2016-02-19" \
  "$(tmk-numbers --no-header --date 2016-02-22 "$CORPUS/002_81d68105fabcd2d8.txt" | awk -F'\t' '$10 == "Last Friday"' | cut -f6)"

# --date-field (jsonl, tsv, csv) comes before --date; a missing or bad field falls back to --date.
{
  echo '{"text": "The ferry sank Monday.", "published": "2016-08-18"}'
  echo '{"text": "The ferry sank Monday."}'
  echo '{"text": "The ferry sank Monday.", "published": "soon"}'
} >"$WORK/dated.jsonl"
check_eq "--date-field jsonl" $'2016-08-15\n2016-08-29\n2016-08-29' \
  "$(tmk-numbers --no-header --input jsonl --date-field published --date 2016-09-01 "$WORK/dated.jsonl" | cut -f6)"
printf 'text\tday\nRates rose last year and two years ago.\t2016-08-18\n' >"$WORK/dated.tsv"
check_eq "--date-field tsv" $'2015\n2014' "$(tmk-numbers --no-header --input tsv --date-field day "$WORK/dated.tsv" | cut -f6)"
check_status "--date not a date" 2 tmk-numbers --date 2016-02-30 /dev/null
check_status "--date-field needs fields" 2 tmk-numbers --date-field day /dev/null

# Durations, intervals and time zones.
printf 'He led for six months, from 2014 to 2018, between March and May, until 3 p.m. EDT.\n' |
  tmk-numbers --no-header --kind duration,interval,time >"$WORK/spans.out"
check_eq "durations, intervals, zones" \
  $'duration\tP6M\t\tsix months\ninterval\t2014/2018\t\t2014 to 2018\ninterval\t--03/--05\t\tMarch and May\ntime\t15:00-04:00\tEDT\t3 p.m. EDT' \
  "$(cut -f5,6,7,10 "$WORK/spans.out")"

# Money: rupees before the amount; other countries' dollars keep their code.
printf 'The fee was Rs 450 and the fare C$12.\n' | tmk-numbers --no-header >"$WORK/money.out"
check_eq "rupees and Canadian dollars" $'1\t12\t18\tmoney\t450\tINR\tRs 450\n1\t32\t36\tmoney\t12\tCAD\tC$12' \
  "$(cut -f2-7,10 "$WORK/money.out")"

# "Rs." before an amount ends no sentence; a model number after "the" and digits inside a
# product name are labels, not counts.
printf 'He paid Rs. 450 for it. The 747 landed. Old Windows 10 users waited.\n' | tmk-numbers --no-header >"$WORK/names.out"
check_eq "Rs. before an amount, model numbers" \
  $'1\t8\t15\tmoney\t450\tINR\tRs. 450\n2\t28\t31\tlabel\t747\t\t747\n3\t52\t54\tlabel\t10\t\t10' \
  "$(cut -f2-7,10 "$WORK/names.out")"

# A name that opens a sentence is known from the same words elsewhere; plural-only nouns are
# counted; a year before a capitalized plural names an event; a verb after a count is no noun.
printf 'Windows 10 users must patch. Offices still run Windows 10. In Utah 250 people queued. At the 2012 Games, 5 pass the test.\n' |
  tmk-numbers --no-header >"$WORK/counted.out"
check_eq "names, plural-only nouns, events, verbs" \
  $'1\t8\t10\tlabel\t10\t\n2\t55\t57\tlabel\t10\t\n3\t67\t70\tcardinal\t250\tpeople\n4\t93\t97\tyear\t2012\t\n4\t105\t106\tcardinal\t5\t' \
  "$(cut -f2-6,9 "$WORK/counted.out")"

# Scores, ages and temperatures: kinds, units, byte offsets (the degree sign is two bytes).
printf 'The hosts won 2-1 and a 40-year-old fan saw -5 \xc2\xb0C.\n' | tmk-numbers --no-header >"$WORK/kinds.out"
check_eq "score, age, temperature" \
  $'14\t17\tscore\t2-1\t\t\n24\t35\tage\t40\tyear\tfan\n44\t50\tmeasure\t-5\tdegree Celsius\t' \
  "$(cut -f3-7,9 "$WORK/kinds.out")"
check_eq "--kind score,age" $'score\nage' \
  "$(printf 'The hosts won 2-1 and a 40-year-old fan saw -5 \xc2\xb0C.\n' | tmk-numbers --no-header --kind score,age | cut -f5)"

# Slash dates: month first unless the document or an option says day first.
printf 'It ended on 05/06/2019.\n' >"$WORK/slash.txt"
printf 'The colour show ended on 05/06/2019.\n' >"$WORK/slash-british.txt"
check_eq "slash date: month first" "2019-05-06" "$(tmk-numbers --no-header "$WORK/slash.txt" | cut -f6)"
check_eq "slash date: --day-first" "2019-06-05" "$(tmk-numbers --no-header --day-first "$WORK/slash.txt" | cut -f6)"
check_eq "slash date: British spelling" "2019-06-05" "$(tmk-numbers --no-header "$WORK/slash-british.txt" | cut -f6)"
check_eq "slash date: --month-first" "2019-05-06" \
  "$(tmk-numbers --no-header --month-first "$WORK/slash-british.txt" | cut -f6)"
check_status "--day-first with --month-first" 2 tmk-numbers --day-first --month-first "$WORK/slash.txt"

# A closed stdout ends the tool quietly.
yes 'There were 12 boats and 7 cars.' | head -n 20000 >"$WORK/big.txt"
tmk-numbers "$WORK/big.txt" | head -n 1 >/dev/null
check_eq "closed pipe" "0" "${PIPESTATUS[0]}"

done_ok
