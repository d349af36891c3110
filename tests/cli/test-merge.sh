#!/usr/bin/env bash
# Command-line test of tmk-merge and of --merge on tmk-count, tmk-ngrams and tmk-cooc: shards of a
# corpus (by files, and by JSONL lines) merged in order give the tables and counts of one run
# over the whole, byte for byte; a merged directory merges again and feeds tmk-report; every
# refusal (incomplete, disagreeing, edited or repeated shards) exits 1 and writes nothing.
source "$TMK_SOURCE/tests/cli/lib.sh"
cd "$WORK" || fail "cd"
T=$'\t'

check_status "--help" 0 tmk-merge --help
check_grep "--help example" "tmk-merge shards/part-\* -o tables/" "$WORK/out"
check_grep "--help: nothing twice" "Nothing is merged twice" "$WORK/out"
check_status "tmk merge" 0 tmk merge --help
check_status "tmk lists merge" 0 tmk
check_grep "tmk lists merge" "^  merge  *joins tmk-extract directories" "$WORK/out"

# The documents: the sample articles, two test texts, and texts written for this test.
mkdir docs
cp "$TMK_SOURCE"/corpus/*.txt docs/
cp "$TMK_SOURCE/tests/data/numbers/golden.txt" docs/numbers.txt
cp "$TMK_SOURCE/tests/data/entities/golden.txt" docs/entities.txt
printf 'Mayor Ruth Okafor said "the ferry will run again in June." The repairs cost $2.5 million.\n' >docs/ferry.txt
printf 'Ruth Okafor met Tomas Berg in Oslo on 3 March 2019.\nBerg said the talks went well.\n' >docs/talks.txt
ls docs/* >all.list
check_eq "six documents" "6" "$(wc -l <all.list)"
head -n 2 all.list >part1.list
sed -n 3,4p all.list >part2.list
tail -n 2 all.list >part3.list

# Shards by files: each table of the merge is the whole run's, byte for byte.
check_status "whole run" 0 tmk-extract --files-from all.list -o whole
for i in 1 2 3; do
  check_status "shard $i" 0 tmk-extract --files-from "part$i.list" -o "s$i"
done
check_status "merge" 0 tmk-merge s1 s2 s3 -o merged
check_eq "merge is quiet" "" "$(cat "$WORK/err")"
for table in documents sentences entities numbers quotes; do
  check_status "$table.tsv equals the whole run's" 0 cmp "whole/$table.tsv" "merged/$table.tsv"
done
check_eq "merged files" "documents.tsv entities.tsv manifest.json numbers.tsv quotes.tsv sentences.tsv" \
  "$(ls -A merged | tr '\n' ' ' | sed 's/ $//')"
check_eq "one header" "1" "$(grep -c "^doc${T}sent${T}start" merged/sentences.tsv)"
check_eq "entities header" "doc${T}sent${T}start${T}end${T}type${T}text${T}canonical${T}source" \
  "$(head -n 1 merged/entities.tsv)"
check_grep "rows of every shard" "^docs/talks.txt${T}" merged/entities.tsv
check_grep "rows of every shard" "^docs/000_" merged/entities.tsv

# tmk-extract's manifest gives each table's sha256 (of its bytes, as sha256sum reads them). The
# merged manifest: the same tmk and options, the shards' inputs in order, summed rows, the new
# files' sha256, warnings as the whole run's, and each shard with its manifest's sha256 and rows.
check_status "manifests" 0 python3 - <<'PY'
import hashlib, json
def load(d): return json.load(open(f"{d}/manifest.json"))
def sha(path): return hashlib.sha256(open(path, "rb").read()).hexdigest()
whole, merged = load("whole"), load("merged")
shards = [load(f"s{i}") for i in (1, 2, 3)]
for d, m in [("whole", whole), ("s1", shards[0]), ("merged", merged)]:
    for name, t in m["tables"].items():
        assert t["sha256"] == sha(f"{d}/{t['file']}"), (d, name)
assert merged["tmk"] == whole["tmk"]
assert merged["command"] == ["tmk-merge", "s1", "s2", "s3", "-o", "merged"], merged["command"]
assert merged["options"] == whole["options"], merged["options"]
assert merged["inputs"] == whole["inputs"], merged["inputs"]
assert merged["tables"] == whole["tables"], (merged["tables"], whole["tables"])
assert merged["documents"] == whole["documents"] == 6
assert merged["warnings"] == whole["warnings"] and merged["errors"] == [], merged["warnings"]
assert [s["dir"] for s in merged["shards"]] == ["s1", "s2", "s3"]
for i, s in enumerate(merged["shards"]):
    assert s["manifest_sha256"] == sha(f"s{i + 1}/manifest.json"), s
    assert s["rows"] == {n: t["rows"] for n, t in shards[i]["tables"].items()}, s
    assert "lines" not in s
assert merged["complete"] is True and merged["finished"] >= merged["started"]
PY

# A merged directory is a shard like any other (hierarchical merge), and tmk-report reads it
# as it reads the whole run's: the same page but for how it was made (command, times).
check_status "merge s1 s2" 0 tmk-merge s1 s2 -o m12
check_status "merge the merge with s3" 0 tmk-merge m12 s3 -o m123
for table in documents sentences entities numbers quotes; do
  check_status "hierarchical $table.tsv" 0 cmp "whole/$table.tsv" "m123/$table.tsv"
done
check_status "nested shards" 0 python3 -c '
import json; m = json.load(open("m123/manifest.json"))
assert [s["dir"] for s in m["shards"]] == ["m12", "s3"], m["shards"]
assert [s["dir"] for s in m["shards"][0]["shards"]] == ["s1", "s2"], m["shards"]'
mkdir -p report-whole report-merged
cp -r whole report-whole/tables
cp -r m123 report-merged/tables
(cd report-whole && tmk-report tables -o page.html) || fail "tmk-report on the whole run"
(cd report-merged && tmk-report tables -o page.html) || fail "tmk-report on the merge"
strip_run() { python3 -c '
import re, sys
page = open(sys.argv[1], encoding="utf-8").read()
print(re.sub(r"<dt>(command|started|finished)</dt><dd><code>[^<]*</code></dd>", "", page))' "$1"; }
check_eq "tmk-report page of the merge" "$(strip_run report-whole/page.html)" "$(strip_run report-merged/page.html)"
check_grep "the page names the merge" "tmk-merge m12 s3" report-merged/page.html

# Shards by JSONL lines (two files, ids from a field), in CSV: a quoted field holding a
# newline is one row, and only the first shard's header is kept. Then JSONL tables (no header).
cat >part1.jsonl <<'JSON'
{"id": "j1", "text": "Ines Duarte said \"we open on Monday.\"\nThe fee is 12 euros."}
{"id": "j2", "text": "Rain fell\non the old port of Leith, said Ines Duarte."}
JSON
cat >part2.jsonl <<'JSON'
{"id": "j3", "text": "Prices rose 4% in May. \"It is a hard year,\" said Omar Said."}
JSON
cat part1.jsonl part2.jsonl >all.jsonl
for format in csv jsonl; do
  opts=(--input jsonl --id-field id --format "$format")
  check_status "whole $format" 0 tmk-extract "${opts[@]}" all.jsonl -o "whole-$format"
  check_status "part 1 $format" 0 tmk-extract "${opts[@]}" part1.jsonl -o "p1-$format"
  check_status "part 2 $format" 0 tmk-extract "${opts[@]}" part2.jsonl -o "p2-$format"
  check_status "merge $format" 0 tmk-merge "p1-$format" "p2-$format" -o "merged-$format"
  for table in documents sentences entities numbers quotes; do
    check_status "$format $table equals the whole run's" 0 cmp "whole-$format/$table.$format" \
      "merged-$format/$table.$format"
  done
done
check_grep "a CSV field holding a newline" '^j2,1,0,[0-9]*,"Rain fell$' merged-csv/sentences.csv
check_status "CSV rows counted by records" 0 python3 -c '
import csv, json
m = json.load(open("merged-csv/manifest.json"))
rows = list(csv.reader(open("merged-csv/sentences.csv", newline="")))
assert m["tables"]["sentences"]["rows"] == len(rows) - 1 == 5, (m["tables"]["sentences"], rows)'
check_eq "JSONL: no header" "j1" "$(head -n 1 merged-jsonl/documents.jsonl | python3 -c 'import json,sys; print(json.load(sys.stdin)["doc"])')"

# Refusals: exit 1, a message naming the shard (and the field or file), nothing written.
nothing_written() { check_eq "$1: nothing written" "" "$(ls -A merge-out 2>/dev/null)"; }
mkdir half
cp s2/*.tsv half/
check_status "a shard without manifest" 1 tmk-merge s1 half -o merge-out
check_eq "incomplete message" "tmk-merge: half: no manifest.json: the shard is incomplete; rerun it" "$(cat "$WORK/err")"
nothing_written "incomplete"
check_status "a shard that is not there" 1 tmk-merge s1 nowhere -o merge-out
check_eq "missing message" "tmk-merge: nowhere: no such directory" "$(cat "$WORK/err")"

check_status "shard with other options" 0 tmk-extract --kind money --files-from part2.list -o money
check_status "options differ" 1 tmk-merge s1 money -o merge-out
check_eq "options message" "tmk-merge: money: differs from s1 in options.kind ([\"money\"], not []); shards must be made by the same tmk with the same options" "$(cat "$WORK/err")"
nothing_written "options differ"
check_status "csv shard" 0 tmk-extract --format csv --files-from part2.list -o csvshard
check_status "formats differ" 1 tmk-merge s1 csvshard -o merge-out
check_grep "format message" "^tmk-merge: csvshard: differs from s1 in options.format (\"csv\", not \"tsv\")" "$WORK/err"
check_status "fewer tables" 0 tmk-extract --tables entities --files-from part2.list -o fewer
check_status "tables differ" 1 tmk-merge s1 fewer -o merge-out
check_grep "tables message" "^tmk-merge: fewer: differs from s1 in options.tables" "$WORK/err"
cp -r s2 other-tmk
python3 - other-tmk/manifest.json <<'PY'
import json, sys
m = json.load(open(sys.argv[1]))
m["tmk"]["commit"] = "v0.0.1-other"
json.dump(m, open(sys.argv[1], "w"), indent=2)
PY
check_status "another tmk" 1 tmk-merge s1 other-tmk -o merge-out
check_grep "tmk message" "^tmk-merge: other-tmk: differs from s1 in tmk.commit (\"v0.0.1-other\", not " "$WORK/err"
nothing_written "another tmk"

# A table truncated, or edited with its rows kept: named, checked while copying; the tables
# already copied do not appear, and no temporary file is left.
cp -r s2 cut
head -n -1 s2/entities.tsv >cut/entities.tsv
check_status "a truncated table" 1 tmk-merge s1 cut s3 -o merge-out
check_grep "truncated message" "^tmk-merge: cut/entities.tsv: holds [0-9]* rows, .*the table was truncated or edited; rerun the shard$" "$WORK/err"
nothing_written "truncated"
cp -r s3 edited
sed -i 's/Berg/Borg/' edited/entities.tsv
check_status "an edited table" 1 tmk-merge s1 edited -o merge-out
check_grep "edited message" "^tmk-merge: edited/entities.tsv: holds $(($(wc -l <s3/entities.tsv) - 1)) rows, sha256 " "$WORK/err"
nothing_written "edited"
rm edited/entities.tsv
check_status "a missing table" 1 tmk-merge s1 edited -o merge-out
check_grep "missing table message" "^tmk-merge: edited/entities.tsv: No such file or directory" "$WORK/err"

# A manifest that is empty or not JSON (invalid UTF-8) is not a shard's.
cp -r s2 empty-manifest
: >empty-manifest/manifest.json
check_status "an empty manifest" 1 tmk-merge s1 empty-manifest -o merge-out
check_grep "empty manifest message" "^tmk-merge: empty-manifest/manifest.json: not a tmk-extract manifest: " "$WORK/err"
cp -r s2 bad-manifest
printf '{"tmk": "\xff\xfe"}\n' >bad-manifest/manifest.json
check_status "a manifest with invalid UTF-8" 1 tmk-merge s1 bad-manifest -o merge-out
check_grep "invalid UTF-8 message" "^tmk-merge: bad-manifest/manifest.json: not a tmk-extract manifest: " "$WORK/err"
nothing_written "bad manifests"

# Nothing is merged twice: the same directory, by any spelling; two shards that read the same file.
check_status "same shard twice" 1 tmk-merge s1 s2 ./s1/ -o merge-out
check_eq "twice message" "tmk-merge: ./s1/: given twice (also as s1); nothing is merged twice" "$(cat "$WORK/err")"
check_status "another run over part 1" 0 tmk-extract --files-from part1.list -o again
check_status "the same input in two shards" 1 tmk-merge s1 s2 again -o merge-out
check_eq "same input message" "tmk-merge: again: reads $(head -n 1 part1.list), as s1 does ($(head -n 1 part1.list)); nothing is merged twice" \
  "$(cat "$WORK/err")"
nothing_written "twice"

# Line ranges (tmk-extract --lines FIRST-LAST, recorded as options.lines): shards of one file
# whose ranges do not overlap merge; overlapping ones, directly or through a merge, do not.
with_lines() {
  cp -r whole-jsonl "$1"
  python3 - "$1/manifest.json" "$2" <<'PY'
import json, sys
m = json.load(open(sys.argv[1]))
m["options"]["lines"] = sys.argv[2]
json.dump(m, open(sys.argv[1], "w"), indent=2)
PY
}
with_lines lines-a 1-2
with_lines lines-b 3-
with_lines lines-c 2-3
check_status "ranges apart" 0 tmk-merge lines-a lines-b -o lines-ab
check_status "ranges in the merged manifest" 0 python3 -c '
import json; m = json.load(open("lines-ab/manifest.json"))
assert m["options"]["lines"] is None, m["options"]
assert [(i["path"], i["lines"]) for i in m["inputs"]] == [("all.jsonl", "1-2"), ("all.jsonl", "3-")], m["inputs"]
assert [s["lines"] for s in m["shards"]] == ["1-2", "3-"], m["shards"]'
check_status "ranges overlap" 1 tmk-merge lines-a lines-c -o merge-out
check_eq "overlap message" "tmk-merge: lines-c: reads all.jsonl lines 2-3, as lines-a does (all.jsonl lines 1-2); nothing is merged twice" \
  "$(cat "$WORK/err")"
check_status "ranges overlap through a merge" 1 tmk-merge lines-ab lines-c -o merge-out
check_grep "overlap through a merge" "^tmk-merge: lines-c: reads all.jsonl lines 2-3, as lines-ab does (all.jsonl lines 1-2)" "$WORK/err"
check_status "a whole file and a range of it" 1 tmk-merge whole-jsonl lines-b -o merge-out
with_lines lines-bad "two-five"
check_status "a malformed range" 1 tmk-merge lines-a lines-bad -o merge-out
check_grep "malformed range" "^tmk-merge: lines-bad/manifest.json: options: lines: expected FIRST-LAST, not \"two-five\"" "$WORK/err"
nothing_written "line ranges"

# Usage errors (exit 2): no -o, no shard, -o one of the shards.
cp s2/manifest.json s2-manifest.json
cp s2/entities.tsv s2-entities.tsv
check_status "no -o" 2 tmk-merge s1 s2
check_status "no shard" 2 tmk-merge -o merge-out
check_status "-o is a shard" 2 tmk-merge s1 s2 -o ./s2
check_eq "-o is a shard message" "tmk-merge: -o ./s2 is one of the shards: write the merge elsewhere (see --help)" "$(cat "$WORK/err")"
check_status "the shard is untouched" 0 cmp s2/manifest.json s2-manifest.json
check_status "its tables too" 0 cmp s2/entities.tsv s2-entities.tsv

# -o holding an earlier run: its tables are replaced, as tmk-extract replaces them.
cp -r whole earlier
check_status "shards of one table" 0 tmk-extract --tables entities --files-from part1.list -o e1
check_status "shards of one table" 0 tmk-extract --tables entities --files-from part2.list -o e2
check_status "merge over an earlier run" 0 tmk-merge e1 e2 -o earlier
check_eq "the earlier run's tables are gone" "documents.tsv entities.tsv manifest.json" \
  "$(ls -A earlier | tr '\n' ' ' | sed 's/ $//')"
: >plainfile
check_status "-o names a file" 1 tmk-merge s1 s2 -o plainfile/sub
check_grep "-o names a file message" "^tmk-merge: plainfile/sub: " "$WORK/err"

# Write errors: a directory that cannot be written; a full file system when one can be mounted
# (tmpfs, as root). Exit 1, a clear message, no table under its final name.
mkdir locked && chmod 555 locked && chmod a+rx "$WORK" && chmod -R a+rX s1 s2
check_status "read-only directory" 1 unprivileged tmk-merge s1 s2 -o locked
check_grep "read-only message" "^tmk-merge: locked/.*: Permission denied" "$WORK/err"
check_eq "read-only: nothing written" "" "$(ls -A locked)"
mkdir full
if mount -t tmpfs -o size=8k tmpfs full 2>/dev/null; then
  trap 'umount "$WORK/full" 2>/dev/null; rm -rf "$WORK"' EXIT
  check_status "full disk" 1 tmk-merge s1 s2 s3 -o full
  check_grep "full disk message" "^tmk-merge: full/.*: No space left on device" "$WORK/err"
  check_eq "full disk: nothing left" "" "$(ls -A full)"
  umount full
fi

# --merge: counting parts cut at document boundaries and summing them is counting the whole,
# byte for byte, with --top/--min applied after the merge.
for i in 1 2 3; do tmk-entities --files-from "part$i.list" >"ent$i.tsv"; done
tmk-entities --files-from all.list >ent.tsv
for i in 1 2 3; do tmk-count -c canonical,type "ent$i.tsv" >"part$i.counts"; done
check_eq "tmk-count --merge" "$(tmk-count -c canonical,type ent.tsv)" \
  "$(tmk-count --merge part1.counts part2.counts part3.counts)"
for i in 1 2 3; do tmk-ngrams -n 1-2 --files-from "part$i.list" >"part$i.ngrams"; done
tmk-ngrams -n 1-2 --files-from all.list >whole.ngrams
check_eq "tmk-ngrams --merge" "$(cat whole.ngrams)" "$(tmk-ngrams --merge part1.ngrams part2.ngrams part3.ngrams)"
check_eq "tmk-ngrams --merge --top --format csv" "$(tmk-ngrams -n 1-2 --top 7 --format csv --files-from all.list)" \
  "$(tmk-ngrams --merge --top 7 --format csv part1.ngrams part2.ngrams part3.ngrams)"
check_eq "tmk-ngrams --merge -j 2" "$(cat whole.ngrams)" "$(tmk-ngrams --merge -j 2 part3.ngrams part1.ngrams part2.ngrams)"
for scope in "--scope sentence" "--scope document" "--window 2"; do
  for i in 1 2 3; do tmk-cooc $scope "ent$i.tsv" >"part$i.pairs"; done
  tmk-cooc $scope ent.tsv >whole.pairs
  [ "$(wc -l <whole.pairs)" -gt 3 ] || fail "$scope: too few pairs to test"
  check_eq "tmk-cooc --merge ($scope)" "$(cat whole.pairs)" "$(tmk-cooc --merge part1.pairs part2.pairs part3.pairs)"
  check_eq "tmk-cooc --merge --min 2 ($scope)" "$(tmk-cooc $scope --min 2 ent.tsv)" \
    "$(tmk-cooc --merge --min 2 part1.pairs part2.pairs part3.pairs)"
  for format in gexf graphml jsonl; do
    check_eq "tmk-cooc --merge --format $format ($scope)" "$(tmk-cooc $scope --format "$format" ent.tsv)" \
      "$(tmk-cooc --merge --format "$format" part1.pairs part2.pairs part3.pairs)"
  done
done
# Worked out by hand: Ann-Bob 2 + 1 counts in 1 + 1 documents; Ann-Co only in the second part.
printf 'a\tb\ttype_a\ttype_b\tcount\tdocs\nAnn\tBob\tPER\tPER\t2\t1\n' >hand1.pairs
printf 'a\tb\ttype_a\ttype_b\tcount\tdocs\nAnn\tCo\tPER\tORG\t5\t2\nAnn\tBob\tPER\tPER\t1\t1\n' >hand2.pairs
check_eq "tmk-cooc --merge by hand" "a${T}b${T}type_a${T}type_b${T}count${T}docs
Ann${T}Co${T}PER${T}ORG${T}5${T}2
Ann${T}Bob${T}PER${T}PER${T}3${T}2" "$(tmk-cooc --merge hand1.pairs hand2.pairs)"
check_status "tmk-cooc --merge --scope" 2 tmk-cooc --merge --scope document hand1.pairs
check_grep "--scope with --merge message" "^tmk-cooc: --scope excludes --merge (see --help)$" "$WORK/err"
check_status "tmk-cooc --merge --window" 2 tmk-cooc --merge --window 2 hand1.pairs
check_status "tmk-ngrams --merge -n" 2 tmk-ngrams --merge -n 2 part1.ngrams
check_status "tmk-ngrams --merge --rows" 2 tmk-ngrams --merge --rows part1.ngrams
check_status "tmk-cooc --merge of n-grams" 1 tmk-cooc --merge hand1.pairs part1.ngrams
check_eq "wrong table message" "tmk-cooc: part1.ngrams: key columns (ngram, n) differ from those of tmk-cooc (a, b, type_a, type_b)" \
  "$(cat "$WORK/err")"
check_grep "the other parts are still summed" "^Ann${T}Bob" "$WORK/out"
check_status "tmk-ngrams --merge of a missing file" 1 tmk-ngrams --merge part1.ngrams missing.ngrams
check_grep "missing part message" "^tmk-ngrams: missing.ngrams: No such file or directory" "$WORK/err"
: >empty.ngrams
check_eq "an empty part holds no rows" "$(tmk-ngrams --merge part1.ngrams)" "$(tmk-ngrams --merge empty.ngrams part1.ngrams)"
check_eq "only empty parts: the header" "a${T}b${T}type_a${T}type_b${T}count${T}docs" "$(tmk-cooc --merge empty.ngrams)"
check_status "tmk-ngrams --merge to a closed pipe" 0 bash -c 'set -o pipefail; tmk-ngrams --merge part1.ngrams | head -n 1 >/dev/null'

done_ok
