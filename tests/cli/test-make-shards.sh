#!/usr/bin/env bash
# scripts/cluster/make-shards: the shard plan, by file (in exactly the order tmk reads a
# directory) and by lines; sizes and cuts below are worked out by hand.
source "$TMK_SOURCE/tests/cli/lib.sh" || exit 1  # never run outside its temporary directory
MAKE_SHARDS="$TMK_SOURCE/scripts/cluster/make-shards"
cd "$WORK" || fail "no $WORK"

# --- By file ------------------------------------------------------------------------------------
# Four files of 100 bytes each, named so that byte order differs from a locale's ("B" before
# "a", "_" before "a"), a hidden file and a hidden folder that tmk skips, a link to a file
# (read) and a link to a folder (not followed).
mkdir -p tree/a tree/B tree/_c tree/.hidden
line=$(printf '%099d' 0)
for file in tree/a/one.txt tree/B/two.txt tree/_c/three.txt tree/a/four.txt; do echo "$line" >"$file"; done
echo "$line" >tree/.hidden/skipped.txt
echo "$line" >tree/a/.skipped.txt
ln -s ../a/one.txt tree/_c/link.txt
ln -s ../B tree/a/folder-link
check_status "by file" 0 "$MAKE_SHARDS" -n 2 -o plan tree
check_eq "message" "make-shards: 2 shards in plan" "$(cat "$WORK/out")"
# Five files of 100 bytes: the second shard starts with the file whose middle passes 250.
check_eq "shard 1 files" "tree/B/two.txt
tree/_c/link.txt
tree/_c/three.txt" "$(cat plan/shard-0001.files)"
check_eq "shard 2 files" "tree/a/four.txt
tree/a/one.txt" "$(cat plan/shard-0002.files)"
check_eq "shard 1 arguments" "--files-from
plan/shard-0001.files" "$(cat plan/shard-0001.args)"
check_eq "the shards list the documents tmk reads, in its order" \
  "$(tmk-extract tree -o whole 2>/dev/null && tail -n +2 whole/documents.tsv | cut -f1)" "$(cat plan/shard-*.files)"
check_status "a folder given with a slash" 0 "$MAKE_SHARDS" -n 1 -o slash tree/
check_eq "paths spelled as tmk spells them" \
  "$(tmk-extract tree/ -o whole-slash 2>/dev/null && tail -n +2 whole-slash/documents.tsv | cut -f1)" \
  "$(cat slash/shard-0001.files)"
check_status "more shards than files" 0 "$MAKE_SHARDS" -n 9 -o many tree/B tree/a/one.txt
check_eq "one shard per file" "tree/B/two.txt|tree/a/one.txt" "$(cat many/shard-0001.files many/shard-0002.files | paste -sd'|')"
check_eq "no more shards" "make-shards: 2 shards in many" "$(cat "$WORK/out")"

# --- By lines -----------------------------------------------------------------------------------
# Lines of 30, 10, 10 and 10 bytes (newlines counted): half of 60 is passed by line 2's middle.
{ printf '%029d\n' 0; printf '%09d\n' 1 2 3; } >lines.txt
check_status "by lines" 0 "$MAKE_SHARDS" -n 2 --by lines -o by-lines lines.txt
check_eq "shard 1 range" "--lines
1-1
lines.txt" "$(cat by-lines/shard-0001.args)"
check_eq "the last range is open" "--lines
2-
lines.txt" "$(cat by-lines/shard-0002.args)"
# Six lines of 9 bytes into 3: two lines each.
printf 'line one\n%.0s' 1 2 3 4 5 6 >even.txt
gzip -k even.txt
check_status "by lines, gzip" 0 "$MAKE_SHARDS" -n 3 --by lines -o gz even.txt.gz
check_eq "gzip ranges" "1-2 3-4 5-" "$(sed -s -n 2p gz/shard-000[123].args | paste -sd' ')"
check_eq "gzip path" "even.txt.gz" "$(sed -n 3p gz/shard-0003.args)"

# --- Errors -------------------------------------------------------------------------------------
check_status "--help" 0 "$MAKE_SHARDS" --help
check_grep "--help usage" "Usage: make-shards -n N -o PLAN" "$WORK/out"
check_status "no -n" 2 "$MAKE_SHARDS" -o x tree
check_grep "no -n message" "make-shards: -n needs a number of shards from 1 to 9999 (see --help)" "$WORK/err"
check_status "-n 0" 2 "$MAKE_SHARDS" -n 0 -o x tree
check_status "bad --by" 2 "$MAKE_SHARDS" -n 2 --by words -o x tree
check_grep "bad --by message" "make-shards: --by takes files or lines, not 'words'" "$WORK/err"
check_status "two files by lines" 2 "$MAKE_SHARDS" -n 2 --by lines -o x lines.txt even.txt
check_status "missing input" 1 "$MAKE_SHARDS" -n 2 -o x nosuch
check_eq "missing input message" "make-shards: nosuch: cannot read" "$(cat "$WORK/err")"
check_status "plan not empty" 1 "$MAKE_SHARDS" -n 2 -o plan tree
check_grep "plan not empty message" "make-shards: plan: not empty" "$WORK/err"
mkdir empty
check_status "no files" 1 "$MAKE_SHARDS" -n 2 -o x empty
check_eq "no files message" "make-shards: no files under empty" "$(cat "$WORK/err")"
: >empty.txt
check_status "empty file by lines" 1 "$MAKE_SHARDS" -n 2 --by lines -o y empty.txt
check_eq "empty file message" "make-shards: empty.txt: empty" "$(cat "$WORK/err")"
mkdir newline && echo x >"newline/a"$'\n'"b"
check_status "newline in a path" 1 "$MAKE_SHARDS" -n 2 -o z newline
check_grep "newline message" "a newline in a path cannot go into a --files-from list" "$WORK/err"
done_ok
