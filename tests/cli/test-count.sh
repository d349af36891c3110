#!/usr/bin/env bash
# tmk-count: counts, docs, ordering, grouping, --merge exactness, jobs, bad input.
# Expected outputs below were worked out by hand from tests/data/corp-entities.tsv.
source "$TMK_SOURCE/tests/cli/lib.sh"
cd "$WORK"
ENT="$TMK_SOURCE/tests/data/corp-entities.tsv"
T=$'\t'

check_status "count canonical" 0 tmk-count -c canonical "$ENT"
check_eq "counts, docs, ties by key bytes, escaped keys kept" "canonical${T}count${T}docs
Dayton${T}3${T}3
Maria Lopez${T}3${T}2
Tom Reyes${T}3${T}3
Harbor Workers Union${T}2${T}2
Teachers\\tLocal${T}2${T}2" "$(cat out)"

check_eq "two key columns" "type${T}source${T}count${T}docs
PER${T}model${T}4${T}3
ORG${T}model${T}3${T}2
LOC${T}gazetteer${T}2${T}2
PER${T}alias${T}2${T}2
LOC${T}model${T}1${T}1
ORG${T}alias${T}1${T}1" "$(tmk-count -c type,source "$ENT")"

check_eq "--by groups, --top within each group" "type${T}canonical${T}count${T}docs
LOC${T}Dayton${T}3${T}3
ORG${T}Harbor Workers Union${T}2${T}2
PER${T}Maria Lopez${T}3${T}2" "$(tmk-count -c canonical --by type --top 1 "$ENT")"
check_eq "--min" "Dayton Maria Lopez Tom Reyes" "$(tmk-count -c canonical --min 3 --no-header "$ENT" | cut -f1 | paste -sd' ')"
check_eq "--no-header" "Dayton${T}3${T}3" "$(tmk-count -c canonical --no-header --top 1 "$ENT")"
check_eq "stdin" "$(tmk-count -c canonical "$ENT")" "$(tmk-count -c canonical <"$ENT")"

# docs counts the distinct values of the doc column (--doc-column picks another): by type,
# Tom Reyes is always PER, so he is in 1 "document".
check_eq "--doc-column" "Tom Reyes${T}3${T}1" "$(tmk-count -c canonical --doc-column type --no-header "$ENT" | grep Tom)"
# Whatever the order of the rows: sorted by key, or shuffled, the counts are the same.
{ head -1 "$ENT"; tail -n +2 "$ENT" | LC_ALL=C sort -t"$T" -k7,7; } >by-key.tsv
check_eq "rows sorted by key: same docs" "$(tmk-count -c canonical "$ENT")" "$(tmk-count -c canonical by-key.tsv)"
{ head -1 "$ENT"; tail -n +2 "$ENT" | shuf --random-source=<(yes); } >shuffled.tsv
check_eq "rows shuffled: same docs" "$(tmk-count -c type,canonical "$ENT")" "$(tmk-count -c type,canonical shuffled.tsv)"
check_eq "two documents, rows interleaved" "w${T}count${T}docs
x${T}4${T}2" "$(printf 'doc\tw\nd1\tx\nd2\tx\nd1\tx\nd2\tx\n' | tmk-count -c w)"

# Columns by number from 1 (a header name wins): the output names them as the input does.
check_eq "-c by number" "$(tmk-count -c canonical "$ENT")" "$(tmk-count -c 7 "$ENT")"
check_eq "-c and --by by number and name, --doc-column by number" "$(tmk-count -c canonical --by type "$ENT")" \
  "$(tmk-count -c 7 --by type --doc-column 1 "$ENT")"
check_eq "a header name wins over a number" "1${T}count${T}docs
y${T}1${T}1" "$(printf 'doc\t1\nd\ty\n' | tmk-count -c 1)"
check_status "a number beyond the columns" 1 tmk-count -c 9 "$ENT"
check_grep "a number beyond the columns: named" "no column named '9'" err

# --no-docs: rows counted, no docs column, and no doc column needed.
printf 'word\tkind\nrain\tw\nsnow\tw\nrain\tw\n' >nodoc.tsv
check_status "no doc column: an error while docs are counted" 1 tmk-count -c word nodoc.tsv
check_grep "no doc column: named" "no column named 'doc'" err
check_status "--no-docs" 0 tmk-count -c word --no-docs nodoc.tsv
check_eq "--no-docs counts" "word${T}count
rain${T}2
snow${T}1" "$(cat out)"
check_eq "--no-docs, two key columns" "rain${T}w${T}2" \
  "$(tmk-count -c word,kind --no-docs --no-header --top 1 nodoc.tsv)"
check_status "--no-docs with --merge" 2 tmk-count --merge --no-docs part1.counts

# --merge: parts counted apart sum to exactly the whole (parts split between documents).
head -6 "$ENT" >part1.tsv
{ head -1 "$ENT"; tail -n +7 "$ENT"; } >part2.tsv
tmk-count -c canonical part1.tsv >part1.counts
tmk-count -c canonical part2.tsv >part2.counts
check_eq "merge equals the whole" "$(tmk-count -c canonical "$ENT")" "$(tmk-count --merge part1.counts part2.counts)"
check_eq "merge of parts equals counting the parts together" \
  "$(tmk-count -c canonical part1.tsv part2.tsv)" "$(tmk-count --merge part2.counts part1.counts)"
check_eq "merge sums" "Dayton${T}6${T}6" "$(tmk-count --merge --top 1 --no-header part1.counts part1.counts part2.counts part2.counts)"
tmk-count -c canonical --by type "$ENT" >grouped.counts
check_eq "merge keeps groups" "$(cat grouped.counts)" "$(tmk-count --merge --by type grouped.counts)"
cut -f2,1,3,4 grouped.counts | awk -F'\t' -v OFS='\t' '{print $2, $1, $4, $3}' >reordered.counts
check_eq "merge finds columns by name" "$(cat grouped.counts)" "$(tmk-count --merge --by type reordered.counts)"
# Inputs with the key columns in different orders: the first input (in argument order) fixes
# the output's column order, whichever thread reads a header first. The first input here is a
# pipe that is slow to start, so the other thread always reads its header first.
merged_first=$(tmk-count --merge -j 1 grouped.counts reordered.counts)
check_eq "merge: column order of the first input" "type${T}canonical${T}count${T}docs" "$(head -1 <<<"$merged_first")"
for run in 1 2 3; do
  check_eq "merge -j 2 over different column orders, run $run" "$merged_first" \
    "$(tmk-count --merge -j 2 <(sleep 0.3; cat grouped.counts) reordered.counts)"
done
check_eq "merge: the other order gives the other column order" "canonical${T}type${T}count${T}docs" \
  "$(tmk-count --merge -j 2 <(sleep 0.3; cat reordered.counts) grouped.counts | head -1)"

printf '%s\n' part1.tsv part2.tsv >list
check_eq "--files-from" "$(tmk-count -c canonical part1.tsv part2.tsv)" "$(tmk-count -c canonical --files-from list)"
: >empty-list
check_eq "an empty --files-from list reads nothing (not stdin)" "canonical${T}count${T}docs" \
  "$(tmk-count -c canonical --files-from empty-list <"$ENT")"

# --jobs: same bytes whatever the number of threads.
check_eq "jobs 1 = jobs 4" "$(tmk-count -c type,canonical -j 1 part1.tsv part2.tsv "$ENT")" \
  "$(tmk-count -c type,canonical -j 4 part1.tsv part2.tsv "$ENT")"

# The scale-out recipe: one process, --jobs over parts, and parallel + --merge agree.
awk 'BEGIN { srand(3); print "doc\tsent\ttype\ttext"; for (i = 0; i < 6000; i++)
  printf "d%d\t1\t%s\tw%d\n", int(i / 7), (i % 3 ? "PER" : "ORG"), int(rand() * rand() * 300) }' >many.tsv
check_status "scale-out recipe" 0 "$TMK_SOURCE/scripts/scale-out-demo" many.tsv type,text 3
check_grep "scale-out identical" "^identical" out

# Usage errors exit 2; a missing column or file is an error for that input (exit 1, others counted).
check_status "--help" 0 tmk-count --help
check_grep "--help example" "Example:" out
check_status "no key columns" 2 tmk-count "$ENT"
check_status "-c with --merge" 2 tmk-count --merge -c text part1.counts
check_status "bad --top" 2 tmk-count -c text --top many "$ENT"
check_status "missing column" 1 tmk-count -c lemma "$ENT" part1.tsv
check_grep "missing column named with file" "corp-entities.tsv: no column named 'lemma'" err
check_status "missing file" 1 tmk-count -c canonical missing.tsv part1.tsv
check_grep "missing file named" "^tmk-count: missing.tsv: " err
check_grep "other input still counted" "^Maria Lopez${T}2${T}1$" out
check_status "merge of a table that is not counts" 1 tmk-count --merge part1.tsv
check_grep "merge names the missing column" "no column named 'count'" err
printf 'text\tcount\tdocs\nx\tmany\t1\n' >bad.counts
check_status "merge of a bad count" 1 tmk-count --merge bad.counts
check_grep "bad count named with its line" "bad.counts: line 2: count is not a count" err
printf 'type\tcount\tdocs\nPER\t1\t1\n' >other.counts
check_status "merge of different key columns" 1 tmk-count --merge part1.counts other.counts
: >empty.tsv
check_status "empty input" 0 tmk-count -c canonical empty.tsv
check_eq "empty input: header only" "canonical${T}count${T}docs" "$(cat out)"
head -1 "$ENT" >header-only.tsv
check_status "header-only input" 0 tmk-count -c canonical header-only.tsv
check_eq "header-only input: header only" "canonical${T}count${T}docs" "$(cat out)"
# A directory stands for the TSV files under it (hidden ones skipped), read in path order;
# an empty directory is no input at all, not standard input.
mkdir -p tables/more tables/.hidden
cp part1.tsv tables/a.tsv
cp part2.tsv tables/more/b.tsv
cp part2.tsv tables/.hidden/c.tsv
check_eq "a directory is its files" "$(tmk-count -c canonical part1.tsv part2.tsv)" "$(tmk-count -c canonical tables)"
mkdir -p nothing
check_status "an empty directory" 0 tmk-count -c canonical nothing </dev/null
check_eq "an empty directory: header only" "canonical${T}count${T}docs" "$(cat out)"
done_ok
