#!/usr/bin/env bash
# Command-line test of tmk-extract: its tables are the single tools' rows byte for byte (with
# the same options), documents.tsv and the manifest hold what DESIGN.md says, two runs agree,
# a killed run never leaves a table that looks finished and is not, write errors exit 1.
source "$TMK_SOURCE/tests/cli/lib.sh"
cd "$WORK" || fail "cd"
T=$'\t'
cp -r "$TMK_SOURCE/corpus" corpus
cp "$TMK_SOURCE/tests/data/numbers/golden.txt" corpus/numbers.txt
cp "$TMK_SOURCE/tests/data/entities/golden.txt" corpus/entities.txt
NAMES="$TMK_SOURCE/tests/data/entities/names.tsv"

check_status "--help" 0 tmk-extract --help
check_grep "--help names the manifest" "manifest.json" "$WORK/out"
check_grep "--help example" "tmk-extract --input jsonl" "$WORK/out"
check_status "tmk extract" 0 tmk extract --help

# Every table equals the single tool's output, header included, whatever the number of jobs;
# with -j 2 too.
for jobs in 1 2; do
  check_status "corpus -j $jobs" 0 tmk-extract -j "$jobs" corpus -o "out$jobs"
done
tmk-sentences corpus >sentences.tsv
tmk-entities corpus >entities.tsv
tmk-numbers corpus >numbers.tsv
tmk-quotes corpus >quotes.tsv 2>/dev/null
for table in sentences entities numbers quotes; do
  check_status "$table.tsv is $table's output" 0 cmp "$table.tsv" "out1/$table.tsv"
  check_status "$table.tsv -j 2" 0 cmp "$table.tsv" "out2/$table.tsv"
done
check_status "documents.tsv -j 2" 0 cmp out1/documents.tsv out2/documents.tsv
check_eq "files written" "documents.tsv entities.tsv manifest.json numbers.tsv quotes.tsv sentences.tsv" \
  "$(ls -A out1 | tr '\n' ' ' | sed 's/ $//')"

# The options of the single tools change the same rows here.
tmk-entities --gazetteer "$NAMES" corpus >entities-gaz.tsv
tmk-numbers --kind money,percent --date 2016-08-18 corpus >numbers-kind.tsv
tmk-quotes --indirect --with-speaker corpus >quotes-indirect.tsv 2>/dev/null
tmk-quotes --no-entities corpus >quotes-light.tsv 2>/dev/null
check_status "with options" 0 tmk-extract --gazetteer "$NAMES" --kind money,percent --date 2016-08-18 \
  --indirect --with-speaker corpus -o opt
check_status "--gazetteer" 0 cmp entities-gaz.tsv opt/entities.tsv
check_status "--kind --date" 0 cmp numbers-kind.tsv opt/numbers.tsv
check_status "--indirect --with-speaker" 0 cmp quotes-indirect.tsv opt/quotes.tsv
check_grep "--indirect rows are there" "${T}indirect$T" opt/quotes.tsv
check_status "--no-entities" 0 tmk-extract --no-entities --tables quotes corpus -o light
check_status "--no-entities rows" 0 cmp quotes-light.tsv light/quotes.tsv

# documents.tsv: worked out by hand for a document of two sentences, 22 bytes; the checksum
# from sha256sum.
printf 'Rain fell. Then sun.\n\n' >two.txt
check_status "one document" 0 tmk-extract --tables documents two.txt -o two
check_eq "documents.tsv" "doc${T}bytes${T}sentences${T}sha256
two.txt${T}22${T}2${T}$(sha256sum <two.txt | cut -c1-64)" "$(cat two/documents.tsv)"
check_eq "--tables documents: no other table" "documents.tsv manifest.json" "$(ls two | tr '\n' ' ' | sed 's/ $//')"

# --keep-fields: the fields after doc in documents.tsv (and nowhere else in tmk-extract); on
# the single tools after doc on every row. A missing or null field is empty, a number its JSON.
cat >meta.jsonl <<'JSON'
{"id": "a1", "text": "Ann Lee won. She left.", "date": "2016-03-04", "outlet": "Daily Post", "pages": 12}
{"id": "a2", "text": "Polls closed.", "outlet": null, "pages": 3}
JSON
check_status "--keep-fields" 0 tmk-extract --input jsonl --id-field id --keep-fields date,outlet,pages \
  --tables sentences meta.jsonl -o meta
check_eq "documents.tsv with kept fields" "doc${T}date${T}outlet${T}pages${T}bytes${T}sentences${T}sha256
a1${T}2016-03-04${T}Daily Post${T}12${T}22${T}2${T}$(printf 'Ann Lee won. She left.' | sha256sum | cut -c1-64)
a2${T}${T}${T}3${T}13${T}1${T}$(printf 'Polls closed.' | sha256sum | cut -c1-64)" "$(cat meta/documents.tsv)"
check_eq "sentences.tsv without them" "doc${T}sent${T}start${T}end${T}text
a1${T}1${T}0${T}12${T}Ann Lee won.
a1${T}2${T}13${T}22${T}She left.
a2${T}1${T}0${T}13${T}Polls closed." "$(cat meta/sentences.tsv)"
check_eq "tmk-sentences --keep-fields" "doc${T}date${T}outlet${T}sent${T}start${T}end${T}text
a1${T}2016-03-04${T}Daily Post${T}1${T}0${T}12${T}Ann Lee won.
a1${T}2016-03-04${T}Daily Post${T}2${T}13${T}22${T}She left.
a2${T}${T}${T}1${T}0${T}13${T}Polls closed." \
  "$(tmk-sentences --input jsonl --id-field id --keep-fields date,outlet meta.jsonl)"
for tool in tmk-entities tmk-numbers tmk-quotes; do
  check_eq "$tool --keep-fields header" "doc${T}outlet${T}sent" \
    "$("$tool" --input jsonl --keep-fields outlet meta.jsonl | head -n 1 | cut -f1-3)"
done
printf 'id\ttext\tsource\nx\tSome words.\tWire\n' >meta.tsv
check_eq "--keep-fields from tsv" "x${T}Wire${T}1${T}0${T}11${T}Some words." \
  "$(tmk-sentences --input tsv --id-column id --keep-fields source --no-header meta.tsv)"
check_status "--keep-fields: a tsv column that is missing" 1 tmk-sentences --input tsv --keep-fields nope meta.tsv
check_grep "missing column message" "meta.tsv: .*nope" "$WORK/err"
check_status "--keep-fields needs fields" 2 tmk-extract --keep-fields date two.txt -o bad
check_grep "--keep-fields message" "^tmk-extract: --keep-fields needs --input jsonl, tsv or csv" "$WORK/err"
check_status "--keep-fields on tmk-sentences needs fields" 2 tmk-sentences --keep-fields date two.txt

# Usage errors.
check_status "no -o" 2 tmk-extract two.txt
check_status "unknown table" 2 tmk-extract --tables people two.txt -o bad
check_status "--no-header" 2 tmk-extract --no-header two.txt -o bad

# The manifest: versions and checksums, the command, the options, every input with its size
# and checksum, each table's rows and columns (as its header and line count say).
model_sha=$(sha256sum "$TMK_SOURCE/lib/resources/entities/model.bin" | cut -c1-64)
resources_sha=$(cd "$TMK_SOURCE/lib/resources" && find . -type f | sed 's|^\./||' | LC_ALL=C sort |
  xargs sha256sum | sha256sum | cut -c1-64)
check_status "manifest" 0 python3 - out1 "$model_sha" "$resources_sha" "$(tmk-extract --version | sed -n 's/^source commit //p')" <<'PY'
import hashlib, json, os, sys
out, model_sha, resources_sha, commit = sys.argv[1:]
m = json.load(open(os.path.join(out, "manifest.json")))
assert m["tmk"]["model_sha256"] == model_sha, m["tmk"]
assert m["tmk"]["resources_sha256"] == resources_sha, m["tmk"]
assert m["tmk"]["commit"] == commit, m["tmk"]
assert m["command"] == ["tmk-extract", "-j", "1", "corpus", "-o", "out1"], m["command"]
assert m["options"]["tables"] == ["documents", "sentences", "entities", "numbers", "quotes"], m["options"]
assert m["options"]["input"] == "text" and m["options"]["indirect"] is False, m["options"]
assert m["options"]["lines"] is None, m["options"]
paths = sorted("corpus/" + f for f in os.listdir("corpus") if not f.startswith("."))
assert [i["path"] for i in m["inputs"]] == paths, m["inputs"]
for i in m["inputs"]:
    data = open(i["path"], "rb").read()
    assert i["bytes"] == len(data) and i["sha256"] == hashlib.sha256(data).hexdigest(), i
assert set(m["tables"]) == {"documents", "sentences", "entities", "numbers", "quotes"}, m["tables"]
for name, t in m["tables"].items():
    lines = open(os.path.join(out, t["file"]), encoding="utf-8").read().split("\n")
    assert t["file"] == name + ".tsv" and t["format"] == "tsv", t
    assert t["columns"] == lines[0].split("\t"), (name, t["columns"])
    assert t["rows"] == len(lines) - 2, (name, t["rows"], len(lines))
    assert t["sha256"] == hashlib.sha256(open(os.path.join(out, t["file"]), "rb").read()).hexdigest(), (name, t)
assert m["documents"] == len(paths) == m["tables"]["documents"]["rows"]
assert m["complete"] is True and m["started"].endswith("Z") and m["finished"] >= m["started"]
assert isinstance(m["warnings"], list) and m["errors"] == []
PY

# Paths on stdin (--files-from -) are the manifest's inputs like any others.
ls corpus/*.txt | head -n 3 >three.list
check_status "--files-from -" 0 tmk-extract --files-from - -o fromstdin <three.list
check_eq "--files-from -: the inputs in the manifest" "$(cat three.list)" \
  "$(python3 -c 'import json; print("\n".join(i["path"] for i in json.load(open("fromstdin/manifest.json"))["inputs"]))')"
check_eq "--files-from -: the inputs read" "$(cat three.list)" "$(tail -n +2 fromstdin/documents.tsv | cut -f1)"

# Shards of one JSONL file (--lines) give, one after the other, every table of the whole run.
python3 -c "
import json, pathlib
for p in sorted(pathlib.Path('corpus').glob('*.txt')):
    for paragraph in p.read_text(encoding='utf-8').split('\\n\\n'):
        if paragraph.strip(): print(json.dumps({'text': paragraph}))" >corpus.jsonl
half=$(($(wc -l <corpus.jsonl) / 2))
check_status "whole jsonl" 0 tmk-extract --input jsonl corpus.jsonl -o whole
check_status "first shard" 0 tmk-extract --input jsonl --lines "1-$half" corpus.jsonl -o shard1
check_status "second shard" 0 tmk-extract --input jsonl --lines "$((half + 1))-" corpus.jsonl -o shard2
for table in documents sentences entities numbers quotes; do
  check_eq "shards: $table.tsv" "$(md5sum <"whole/$table.tsv")" \
    "$({ cat "shard1/$table.tsv"; tail -n +2 "shard2/$table.tsv"; } | md5sum)"
done
check_eq "shards: --lines in the manifest" "1-$half $((half + 1))-" \
  "$(python3 -c 'import json; print(*(json.load(open(d + "/manifest.json"))["options"]["lines"] for d in ("shard1", "shard2")))')"

# Two runs on the same input: the same tables, the same manifest but for the times.
sleep 1
check_status "second run" 0 tmk-extract -j 2 corpus -o out1again
for table in documents sentences entities numbers quotes; do
  check_status "$table.tsv again" 0 cmp "out1/$table.tsv" "out1again/$table.tsv"
done
strip_times() { sed -e '/"started"/d' -e '/"finished"/d' -e 's/"out1again"/"out1"/' -e '/^    "-j",$/{n;d}' "$1"; }
check_eq "manifest again" "$(strip_times out1/manifest.json)" "$(strip_times out1again/manifest.json)"

# Warnings and errors per document go into the manifest; an unreadable input gives exit 1
# and the others are still written.
printf 'He said "it never ends.\n' >open.txt
check_status "a missing input" 1 tmk-extract open.txt missing.txt -o warn
check_grep "missing input message" "^tmk-extract: missing.txt: No such file or directory" "$WORK/err"
check_status "warnings in the manifest" 0 python3 -c '
import json; m = json.load(open("warn/manifest.json"))
assert m["warnings"] == [{"doc": "open.txt", "message": "1 unbalanced quotation mark(s); an open quote ends at its paragraph"}], m["warnings"]
assert m["errors"] == [{"doc": "missing.txt", "message": "No such file or directory"}], m["errors"]
assert m["documents"] == 1'

# A rerun into the same directory replaces the tables: the ones not asked for are gone.
check_status "rerun" 0 tmk-extract --tables entities two.txt -o out2
check_eq "rerun leaves the new tables only" "documents.tsv entities.tsv manifest.json" \
  "$(ls -A out2 | tr '\n' ' ' | sed 's/ $//')"
check_eq "rerun's documents" "1" "$(tail -n +2 out2/documents.tsv | wc -l)"

# Write errors: a directory that cannot be written; a full file system when one can be
# mounted (tmpfs, as root). Exit 1, a clear message, no table under its final name.
mkdir locked && chmod 555 locked && chmod a+rx "$WORK"
check_status "read-only directory" 1 unprivileged tmk-extract two.txt -o locked
check_grep "read-only message" "^tmk-extract: locked/.*: Permission denied" "$WORK/err"
check_eq "read-only: nothing written" "" "$(ls -A locked)"
: >plainfile
check_status "-o names a file" 1 tmk-extract two.txt -o plainfile
mkdir full
if mount -t tmpfs -o size=64k tmpfs full 2>/dev/null; then
  trap 'umount "$WORK/full" 2>/dev/null; rm -rf "$WORK"' EXIT
  for i in $(seq 1 40); do cat corpus/*.txt; done >big.txt
  check_status "full disk" 1 tmk-extract big.txt -o full
  check_grep "full disk message" "^tmk-extract: full/.*: No space left on device" "$WORK/err"
  check_eq "full disk: no table left" "" "$(ls -A full)"
  umount full
fi

# Killed at points spread over a run (and past its end), each time over the tables of a
# finished run: every table under its final name is whole (the same as the finished run's),
# and a manifest, when there is one, lists exactly the tables there.
python3 - <<'PY'
import json
texts = [open(f"corpus/{n}", encoding="utf-8", errors="replace").read() for n in ("numbers.txt", "entities.txt")]
with open("many.jsonl", "w") as f:
    for i in range(1500):
        said = f' "We will win in {1900 + i}," the mayor said.'
        f.write(json.dumps({"id": f"d{i}", "text": texts[i % 2] + said}) + "\n")
PY
started=$(date +%s%N)
check_status "reference run" 0 tmk-extract --input jsonl --id-field id -j 2 many.jsonl -o reference
took_ms=$((($(date +%s%N) - started) / 1000000))
check_grep "the runs have quotes" "${T}the mayor$T" reference/quotes.tsv
for percent in 2 10 30 50 70 85 95 99 100 103 110; do
  cp -r reference killed
  tmk-extract --input jsonl --id-field id -j 2 many.jsonl -o killed 2>/dev/null &
  pid=$!
  sleep "$(awk -v ms="$took_ms" -v p="$percent" 'BEGIN { printf "%.3f", ms * p / 100000 }')"
  kill -KILL "$pid" 2>/dev/null
  wait "$pid" 2>/dev/null
  for table in documents sentences entities numbers quotes; do
    [ -e "killed/$table.tsv" ] || continue
    check_status "killed at $percent%: $table.tsv is whole" 0 cmp "reference/$table.tsv" "killed/$table.tsv"
  done
  if [ -e killed/manifest.json ]; then
    check_eq "killed at $percent%: the manifest lists the tables there" \
      "$(cd killed && ls *.tsv | sed 's/\.tsv$//' | sort | tr '\n' ' ')" \
      "$(python3 -c 'import json; print(" ".join(sorted(json.load(open("killed/manifest.json"))["tables"]))+" ")')"
  fi
  [ "$percent" = 30 ] && cp -r killed killed-midway
  rm -rf killed
done
check_grep "a killed run leaves its temporary files" "partial" <(ls -A killed-midway)
check_status "a run after a killed one" 0 tmk-extract --input jsonl --id-field id -j 2 many.jsonl -o killed-midway
check_eq "then no temporary file is left" "" "$(ls -A killed-midway | grep partial)"
done_ok
