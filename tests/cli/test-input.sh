#!/usr/bin/env bash
# The input and output contract every tool shares (DESIGN.md), checked through
# tmk-sentences and tmk-tokenize: bad input, exit statuses, pipes, formats.
source "$TMK_SOURCE/tests/cli/lib.sh"
cd "$WORK"
T=$'\t'

printf 'First sentence here. Second one follows.\n' >good.txt

# Usage errors exit 2; --help and --version exit 0.
check_status "unknown option" 2 tmk-sentences --no-such-option
check_grep "usage message names the tool" "^tmk-sentences: " "$WORK/err"
check_status "bad --input value" 2 tmk-sentences --input xml good.txt
check_status "bad --jobs value" 2 tmk-sentences --jobs -3 good.txt
check_status "--help" 0 tmk-sentences --help
check_grep "--help has an example" "Example:" "$WORK/out"
check_status "--version" 0 tmk-tokenize --version
check_grep "--version" "tmk" "$WORK/out"
check_status "umbrella lists tools" 0 tmk
check_grep "umbrella lists tokenize" "tokenize" "$WORK/out"
check_status "umbrella runs a tool" 0 tmk sentences good.txt
check_eq "umbrella output" "$(tmk-sentences good.txt)" "$(cat "$WORK/out")"
check_status "umbrella unknown tool" 2 tmk no-such-tool

# A missing file: reported with its name, the others still processed, exit 1.
check_status "missing file" 1 tmk-sentences missing.txt good.txt
check_grep "missing file message" "^tmk-sentences: missing.txt: No such file or directory" "$WORK/err"
check_grep "other file still processed" "Second one follows." "$WORK/out"

# An empty file: header only, exit 0.
: >empty.txt
check_status "empty file" 0 tmk-tokenize empty.txt
check_eq "empty file gives the header only" "doc	sent	tok	start	end	token	norm	kind" "$(cat "$WORK/out")"

# Invalid UTF-8: a warning, U+FFFD in text fields, offsets of the original bytes, valid UTF-8 out.
printf 'Caf\xe9 au lait. Fine text.\n' >latin1.txt
check_status "invalid UTF-8" 0 tmk-sentences latin1.txt
check_grep "one warning" "latin1.txt: invalid UTF-8: 1 byte" "$WORK/err"
check_eq "one warning only" 1 "$(wc -l <"$WORK/err")"
check_grep "U+FFFD printed" "Caf�" "$WORK/out"
check_status "output is valid UTF-8" 0 iconv -f UTF-8 -t UTF-8 "$WORK/out"
tmk-sentences latin1.txt >latin1.tsv 2>/dev/null
check_eq "offsets count original bytes" "latin1.txt	2	14	24	Fine text." "$(sed -n 3p latin1.tsv)"
check_status "--strict rejects it" 1 tmk-sentences --strict latin1.txt good.txt
check_grep "--strict message" "latin1.txt: invalid UTF-8.*--strict" "$WORK/err"
check_grep "--strict goes on" "good.txt" "$WORK/out"

# NUL bytes read as spaces, with a warning.
printf 'Nul\000here. Next.\n' >nul.txt
check_status "NUL byte" 0 tmk-tokenize nul.txt
check_grep "NUL warning" "nul.txt: 1 NUL byte" "$WORK/err"
check_grep "NUL splits tokens" "	4	8	here	" "$WORK/out"

# A byte-order mark is skipped, offsets still count it.
printf '\xef\xbb\xbfHello there.\n' >bom.txt
tmk-sentences bom.txt >bom.tsv
check_eq "BOM skipped" "bom.txt	1	3	15	Hello there." "$(sed -n 2p bom.tsv)"

# CRLF text: no CR inside any token or at a sentence end.
printf 'One line here.\r\nAnother line.\r\n' >crlf.txt
tmk-tokenize crlf.txt >crlf.tsv
check_eq "no CR in CRLF tokens" "0" "$(grep -c '\\r' crlf.tsv)"
check_offsets "CRLF offsets" crlf.tsv crlf.txt 4 5 6

# Unreadable file and directory. Root reads anything, so as root the tool runs as nobody
# (unprivileged, lib.sh); the files live in perm/, which nobody can reach (WORK made 711).
mkdir -p perm && chmod 711 "$WORK" && chmod 755 perm && cp good.txt perm/good.txt && chmod 644 perm/good.txt
cp good.txt perm/locked.txt && chmod 000 perm/locked.txt
mkdir -p perm/lockeddir && cp good.txt perm/lockeddir/ && chmod 000 perm/lockeddir
cd perm
check_status "unreadable file" 1 unprivileged tmk-sentences locked.txt good.txt
check_grep "unreadable message" "locked.txt: Permission denied" "$WORK/err"
check_grep "the readable input is still read" "^good.txt${T}1${T}" "$WORK/out"
check_status "unreadable directory" 1 unprivileged tmk-sentences lockeddir good.txt
check_grep "unreadable dir message" "lockeddir.*Permission denied" "$WORK/err"
check_grep "the readable input is still read after the directory" "^good.txt${T}1${T}" "$WORK/out"
check_status "a readable file alone" 0 unprivileged tmk-sentences good.txt
chmod 755 lockeddir
cd "$WORK"

# A directory is read recursively in byte order, hidden files skipped; --files-from; stdin.
mkdir -p dir/sub && cp good.txt dir/b.txt && cp good.txt dir/sub/a.txt && cp good.txt dir/.hidden.txt
check_eq "directory order" "dir/b.txt
dir/sub/a.txt" "$(tmk-sentences dir | cut -f1 | tail -n +2 | uniq)"
printf 'good.txt\n\nbom.txt\n' >list.txt
check_eq "--files-from" "good.txt
bom.txt" "$(tmk-sentences --files-from list.txt | cut -f1 | tail -n +2 | uniq)"
check_eq "stdin is -" "-" "$(tmk-sentences <good.txt | cut -f1 | tail -n +2 | uniq)"
: >emptylist.txt
check_eq "an empty --files-from reads nothing" "doc	sent	start	end	text" "$(tmk-sentences --files-from emptylist.txt </dev/null)"

# Other input formats and gzip.
printf 'A line. Two.\nSecond doc.\n' | gzip >lines.txt.gz
check_eq "--input lines on .gz" "lines.txt.gz:1
lines.txt.gz:2" "$(tmk-sentences --input lines lines.txt.gz | cut -f1 | tail -n +2 | uniq)"
printf '{"id":"a","body":"Hi there. Bye."}\n{"id":"b","body":"Tab\\tin."}\n' >docs.jsonl
check_eq "--input jsonl" "a	2	10	14	Bye." "$(tmk-sentences --input jsonl --text-field body --id-field id docs.jsonl | sed -n 3p)"
# Plain text read as JSONL: the first bad lines one by one, then one summary line per file;
# the good lines of a file are still read, and the status is 1.
for i in $(seq 1 120); do echo "Line $i is plain text."; done >plain.txt
check_status "--input jsonl on plain text" 1 tmk-sentences --input jsonl plain.txt docs.jsonl
check_eq "--input jsonl on plain text: messages" "tmk-sentences: plain.txt:1: not a JSON object
tmk-sentences: plain.txt:2: not a JSON object
tmk-sentences: plain.txt:3: not a JSON object
tmk-sentences: plain.txt: 120 lines could not be read (the first at line 1: not a JSON object); is --input right?
tmk-sentences: docs.jsonl:1: no string field 'text'
tmk-sentences: docs.jsonl:2: no string field 'text'" "$(cat "$WORK/err")"
{ head -n 2 docs.jsonl; printf 'oops\n'; } >mixed.jsonl
check_status "one bad line among good ones" 1 tmk-sentences --input jsonl --text-field body mixed.jsonl
check_eq "one bad line: one message" "tmk-sentences: mixed.jsonl:3: not a JSON object" "$(cat "$WORK/err")"
check_eq "one bad line: the others read" "3" "$(tail -n +2 "$WORK/out" | wc -l)"
printf 'name\ttext\nx\tOne.\\nTwo.\n' >docs.tsv
check_eq "--input tsv" "x	2	5	9	Two." "$(tmk-sentences --input tsv --id-column name docs.tsv | sed -n 3p)"
check_status "--input tsv without the column" 1 tmk-sentences --input tsv --text-column body docs.tsv
check_grep "missing column message" "no column named 'body'" "$WORK/err"

# CSV input (RFC 4180): ids PATH:LINE of the line where a record starts, offsets in the
# decoded field, quoted commas, doubled quotes and line breaks, CRLF, a BOM before the header.
printf '\xef\xbb\xbfid,text,outlet\r\nA,"Hi there. Bye, then.",Daily\r\nB,"One.\r\nTwo.","The ""Post"""\r\n' >docs.csv
check_eq "--input csv" "doc${T}sent${T}start${T}end${T}text
docs.csv:2${T}1${T}0${T}9${T}Hi there.
docs.csv:2${T}2${T}10${T}20${T}Bye, then.
docs.csv:3${T}1${T}0${T}4${T}One.
docs.csv:3${T}2${T}6${T}10${T}Two." "$(tmk-sentences --input csv docs.csv)"
check_eq "--input csv --id-column --keep-fields" "doc${T}outlet${T}sent${T}start${T}end${T}text
A${T}Daily${T}1${T}0${T}9${T}Hi there.
A${T}Daily${T}2${T}10${T}20${T}Bye, then.
B${T}The \"Post\"${T}1${T}0${T}4${T}One.
B${T}The \"Post\"${T}2${T}6${T}10${T}Two." \
  "$(tmk-sentences --input csv --id-column id --keep-fields outlet docs.csv)"
printf 'day,text\n2016-08-18,It rained yesterday.\n' >dated.csv
check_eq "--input csv --date-field" "2016-08-17" \
  "$(tmk-numbers --input csv --date-field day --kind date dated.csv | tail -n +2 | cut -f6)"
check_status "--input csv without the column" 1 tmk-sentences --input csv --text-column body docs.csv
check_eq "csv missing column message" "tmk-sentences: docs.csv: no column named 'body' (columns: id, text, outlet)" \
  "$(cat "$WORK/err")"
: >empty.csv
check_status "empty csv" 1 tmk-sentences --input csv empty.csv docs.csv
check_eq "empty csv message" "tmk-sentences: empty.csv: empty input: no header row" "$(cat "$WORK/err")"
check_eq "empty csv: the other input read" "docs.csv:2" "$(sed -n 2p "$WORK/out" | cut -f1)"
printf 'id,text\n1,Fine.\n2,"bad"x\n3,a""b\n4,too,many\n5,"never closed\n' >bad.csv
check_status "malformed csv records" 1 tmk-sentences --input csv bad.csv
check_eq "malformed csv: the first three one by one, then a summary" \
  "tmk-sentences: bad.csv:3: text after the closing quote of field 2
tmk-sentences: bad.csv:4: a quote inside unquoted field 2
tmk-sentences: bad.csv:5: 3 field(s) where the header has 2
tmk-sentences: bad.csv: 4 records could not be read (the first at line 3: text after the closing quote of field 2); is --input right?" \
  "$(cat "$WORK/err")"
check_eq "malformed csv: the good record read" "bad.csv:2${T}1${T}0${T}5${T}Fine." "$(tail -n +2 "$WORK/out")"
printf 'text\nCaf\xe9 ok.\n' >latin1.csv
check_status "csv with invalid UTF-8" 0 tmk-sentences --input csv latin1.csv
check_eq "csv invalid UTF-8 warning" "tmk-sentences: latin1.csv:2: invalid UTF-8: 1 byte(s) read as U+FFFD" "$(cat "$WORK/err")"
check_status "--keep-fields needs fields" 2 tmk-sentences --keep-fields outlet docs.csv
check_grep "--keep-fields message" "needs --input jsonl, tsv or csv" "$WORK/err"

# gzip, zstd, xz and bzip2 input is decompressed, known by its magic bytes whatever its name;
# concatenated streams are read in full. A truncated or corrupt file is an error for that
# input (exit 1), the others still read; never garbage text with status 0.
for i in $(seq 1 3000); do printf 'Doc %d has text. It ends here %d.\n' "$i" "$i"; done >part1.txt
for i in $(seq 1 20); do printf 'Second part %d.\n' "$i"; done >part2.txt
cat part1.txt part2.txt >both.txt
tmk-sentences --input lines --no-header both.txt | cut -f2- >both.expected
for compressor in gzip zstd xz bzip2; do
  { "$compressor" -c part1.txt; "$compressor" -c part2.txt; } >"packed-$compressor.txt"
  check_status "$compressor input" 0 tmk-sentences --input lines --no-header "packed-$compressor.txt"
  check_eq "$compressor input: every line of both streams" "$(cat both.expected)" "$(cut -f2- "$WORK/out")"
  "$compressor" -c part1.txt | head -c -9 >"cut-$compressor.txt"
  check_status "$compressor truncated" 1 tmk-sentences "cut-$compressor.txt" good.txt
  check_eq "$compressor truncated: message" "tmk-sentences: cut-$compressor.txt: truncated $compressor data" \
    "$(cat "$WORK/err")"
  check_eq "$compressor truncated: nothing of it, the other input read" "good.txt" \
    "$(tail -n +2 "$WORK/out" | cut -f1 | sort -u)"
  "$compressor" -c part1.txt | python3 -c "
import sys
data = bytearray(sys.stdin.buffer.read())
for i in range(len(data) // 2, len(data) // 2 + 32): data[i] ^= 0xFF
sys.stdout.buffer.write(data)" >"bad-$compressor.txt"
  check_status "$compressor corrupt" 1 tmk-sentences "bad-$compressor.txt" good.txt
  check_grep "$compressor corrupt: message" "^tmk-sentences: bad-$compressor.txt: invalid $compressor data" "$WORK/err"
  check_eq "$compressor corrupt: the other input read" "good.txt" "$(tail -n +2 "$WORK/out" | cut -f1 | sort -u)"
done
zstd -c docs.csv >docs.csv.zst
check_eq "--input csv on .zst" "$(tmk-sentences --input csv docs.csv | tail -n +2 | cut -f2-)" \
  "$(tmk-sentences --input csv docs.csv.zst | tail -n +2 | cut -f2-)"

# --lines FIRST-LAST: of every file, the documents that start on those lines, ids unchanged.
printf 'One.\nTwo.\nThree.\nFour.\n' >four.txt
printf 'A.\nB.\n' >two.txt
check_eq "--lines 2-3 in every file" "four.txt:2${T}1${T}0${T}4${T}Two.
four.txt:3${T}1${T}0${T}6${T}Three.
two.txt:2${T}1${T}0${T}2${T}B." "$(tmk-sentences --input lines --no-header --lines 2-3 four.txt two.txt)"
check_eq "--lines 3-" "four.txt:3
four.txt:4" "$(tmk-sentences --input lines --no-header --lines 3- four.txt | cut -f1)"
printf 'text\n"Two.\nStill two."\nFour.\n' >lines.csv
check_eq "--lines on csv: records that start in the range" "lines.csv:4" \
  "$(tmk-sentences --input csv --no-header --lines 3-4 lines.csv | cut -f1 | uniq)"
check_status "--lines with text input" 2 tmk-sentences --lines 1-2 good.txt
check_eq "--lines with text input: message" \
  "tmk-sentences: --lines needs --input lines, jsonl, tsv or csv (see --help)" "$(cat "$WORK/err")"
for bad in 0-3 3-2 5 x-4 2-y; do
  check_status "--lines $bad" 2 tmk-sentences --input lines --lines "$bad" four.txt
  check_grep "--lines $bad: message" "must be FIRST-LAST or FIRST-" "$WORK/err"
done
# Shards of one JSONL file give, one after the other, the rows of the whole run.
python3 -c "
import json, pathlib, sys
for p in sorted(pathlib.Path(sys.argv[1]).glob('*.txt')):
    for paragraph in p.read_text(encoding='utf-8').split('\\n\\n'):
        if paragraph.strip(): print(json.dumps({'text': paragraph}))" "$TMK_SOURCE/corpus" >corpus.jsonl
total=$(wc -l <corpus.jsonl)
[ "$total" -ge 8 ] || fail "corpus.jsonl has $total lines"
half=$((total / 2))
tmk-entities --input jsonl corpus.jsonl >whole.tsv
{ tmk-entities --input jsonl --lines "1-$half" corpus.jsonl
  tmk-entities --input jsonl --lines "$((half + 1))-" corpus.jsonl | tail -n +2; } >shards.tsv
check_eq "shards of --lines equal the whole run" "$(md5sum <whole.tsv)" "$(md5sum <shards.tsv)"
[ "$(wc -l <whole.tsv)" -gt 10 ] || fail "the shard test found too few entities"
# Likewise for CSV, whose records span lines: a range takes the records that start in it.
python3 -c "
import csv, json, sys
writer = csv.writer(sys.stdout, lineterminator='\r\n')
writer.writerow(['text'])
for line in open('corpus.jsonl', encoding='utf-8'): writer.writerow([json.loads(line)['text']])" >corpus.csv
half=$(($(wc -l <corpus.csv) / 2))
tmk-entities --input csv corpus.csv >whole-csv.tsv
{ tmk-entities --input csv --lines "1-$half" corpus.csv
  tmk-entities --input csv --lines "$((half + 1))-" corpus.csv | tail -n +2; } >shards-csv.tsv
check_eq "csv shards equal the whole run" "$(md5sum <whole-csv.tsv)" "$(md5sum <shards-csv.tsv)"
check_eq "csv and jsonl find the same entities" "$(tail -n +2 whole.tsv | cut -f2-)" "$(tail -n +2 whole-csv.tsv | cut -f2-)"

# --no-header; --jobs gives identical output.
check_eq "--no-header" "$(tmk-sentences good.txt | tail -n +2)" "$(tmk-sentences --no-header good.txt)"
for i in $(seq 1 300); do printf 'Doc %d has text. It ends here %d.\n' "$i" "$i"; done >many.txt
check_eq "--jobs 1 vs 4" "$(tmk-tokenize --input lines -j 1 many.txt | md5sum)" "$(tmk-tokenize --input lines -j 4 many.txt | md5sum)"

# A closed pipe ends quietly with status 0; a full disk is an error with status 1.
tmk-tokenize --input lines many.txt many.txt many.txt 2>pipe.err | head -1 >/dev/null
check_eq "closed pipe status" "0" "${PIPESTATUS[0]}"
check_eq "closed pipe is quiet" "" "$(cat pipe.err)"
tmk-tokenize --input csv docs.csv docs.csv docs.csv 2>pipe.err | head -1 >/dev/null
check_eq "closed pipe status, csv input" "0" "${PIPESTATUS[0]}"
check_eq "closed pipe is quiet, csv input" "" "$(cat pipe.err)"
if [ -w /dev/full ]; then
  check_status "/dev/full" 1 sh -c 'tmk-tokenize many.txt >/dev/full'
  check_grep "write error message" "tmk-tokenize: write error: No space left on device" "$WORK/err"
fi

# One line of 200 MB: memory bounded by the document (a few times its size), linear time.
if [ "${TMK_SANITIZED:-0}" != 1 ]; then
  python3 -c "
import sys
chunk = b'Words in a sentence that never ends because it has no line break at all, ' * 1000
with open('huge.txt', 'wb') as f:
    for _ in range(200 * 1024 * 1024 // len(chunk)): f.write(chunk)
"
  size_kb=$(( $(stat -c %s huge.txt) / 1024 ))
  check_status "200 MB line" 0 /usr/bin/time -f '%M %e' -o huge.time tmk-sentences --input lines --no-header huge.txt
  read -r peak_kb seconds <huge.time
  echo "200 MB single line: peak ${peak_kb} kB, ${seconds} s"
  [ "$peak_kb" -lt $((size_kb * 4)) ] || fail "200 MB line: peak memory ${peak_kb} kB is more than 4x the document"
  awk -v s="$seconds" 'BEGIN { exit !(s < 60) }' || fail "200 MB line took ${seconds} s"
  rm -f huge.txt
  # A CSV record of 200 MB (a quoted field of many lines) likewise, and the record after it.
  python3 -c "
chunk = b'Words in a field that never ends, with \"\"quotes\"\", commas and line breaks\r\n' * 1000
with open('huge.csv', 'wb') as f:
    f.write(b'id,text\r\nbig,\"')
    for _ in range(200 * 1024 * 1024 // len(chunk)): f.write(chunk)
    f.write(b'\"\r\nsmall,Last one.\r\n')
"
  size_kb=$(( $(stat -c %s huge.csv) / 1024 ))
  check_status "200 MB csv record" 0 /usr/bin/time -f '%M %e' -o huge.time tmk-sentences --input csv --no-header huge.csv
  read -r peak_kb seconds <huge.time
  echo "200 MB csv record: peak ${peak_kb} kB, ${seconds} s"
  [ "$peak_kb" -lt $((size_kb * 4)) ] || fail "200 MB csv record: peak memory ${peak_kb} kB is more than 4x the record"
  check_eq "200 MB csv record: the record after it" "huge.csv:$(wc -l <huge.csv)${T}1${T}0${T}9${T}Last one." \
    "$(tail -n 1 "$WORK/out")"
  rm -f huge.csv
fi
done_ok
