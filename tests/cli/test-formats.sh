#!/usr/bin/env bash
# --format tsv|csv|jsonl on every tool that writes rows: hand-worked CSV and JSONL rows for
# hostile values (a field starting with a quote, commas, tabs, a line break, a backslash,
# "NA", empty fields, spaces at the ends), and for every tool python3's csv and json modules
# and pandas read back exactly the values of the TSV rows.
source "$TMK_SOURCE/tests/cli/lib.sh"
cd "$WORK" || fail "cd"

printf '%s\n' \
  '{"id":"d1","text":"\"We won,\" she said. NA is a tab\there.","outlet":"\"Daily\", the\tpaper\nback\\slash","date":"NA"}' \
  '{"id":"d2","text":"Prices rose 5%.","outlet":"","date":" padded "}' >hostile.jsonl
input=(--input jsonl --id-field id --keep-fields outlet,date)

check_status "csv" 0 tmk-sentences "${input[@]}" --format csv hostile.jsonl
check_eq "csv rows" 'doc,outlet,date,sent,start,end,text
d1,"""Daily"", the	paper
back\slash",NA,1,0,19,"""We won,"" she said."
d1,"""Daily"", the	paper
back\slash",NA,2,20,37,NA is a tab	here.
d2,," padded ",1,0,15,Prices rose 5%.' "$(cat "$WORK/out")"
check_status "csv --no-header" 0 tmk-sentences "${input[@]}" --format csv --no-header hostile.jsonl
check_eq "csv --no-header drops the header" "$(tmk-sentences "${input[@]}" --format csv hostile.jsonl | sed 1d)" \
  "$(cat "$WORK/out")"

check_status "jsonl" 0 tmk-sentences "${input[@]}" --format jsonl hostile.jsonl
check_eq "jsonl rows" '{"doc":"d1","outlet":"\"Daily\", the\tpaper\nback\\slash","date":"NA","sent":1,"start":0,"end":19,"text":"\"We won,\" she said."}
{"doc":"d1","outlet":"\"Daily\", the\tpaper\nback\\slash","date":"NA","sent":2,"start":20,"end":37,"text":"NA is a tab\there."}
{"doc":"d2","outlet":"","date":" padded ","sent":1,"start":0,"end":15,"text":"Prices rose 5%."}' "$(cat "$WORK/out")"

check_status "tsv is the default" 0 tmk-sentences "${input[@]}" hostile.jsonl
check_eq "--format tsv" "$(cat "$WORK/out")" "$(tmk-sentences "${input[@]}" --format tsv hostile.jsonl)"
check_status "unknown format" 2 tmk-sentences --format xlsx hostile.jsonl
check_grep "unknown format message" "'xlsx' is not one of tsv|csv|jsonl" "$WORK/err"

# A quote with no speaker: its speaker offsets and quotation number are null in JSONL.
printf 'The sky is grey.\n\n"Nothing changes."\n' >quote.txt
check_status "quotes jsonl" 0 tmk-quotes --format jsonl quote.txt
check_grep "absent numbers are null" '"speaker_start":null,"speaker_end":null' "$WORK/out"

# Every tool: the same values in all three formats.
cat >compare.py <<'EOF'
import csv, json, sys

def unescape(field):
    out, i = [], 0
    while i < len(field):
        c = field[i]
        if c == "\\" and i + 1 < len(field):
            out.append({"t": "\t", "n": "\n", "r": "\r", "\\": "\\"}.get(field[i + 1], "\\" + field[i + 1]))
            i += 2
        else:
            out.append(c)
            i += 1
    return "".join(out)

tsv_path, csv_path, jsonl_path = sys.argv[1:4]
with open(tsv_path, encoding="utf-8", newline="") as f:
    lines = f.read().split("\n")
assert lines[-1] == "", "the TSV does not end with a newline"
tsv = [[unescape(x) for x in line.split("\t")] for line in lines[:-1]]
header, rows = tsv[0], tsv[1:]
with open(csv_path, encoding="utf-8", newline="") as f:
    from_csv = list(csv.reader(f))
assert from_csv[0] == header, f"CSV header {from_csv[0]} != {header}"
assert from_csv[1:] == rows, "CSV values differ from the TSV's"
with open(jsonl_path, encoding="utf-8") as f:
    objects = [json.loads(line) for line in f]
assert len(objects) == len(rows), f"{len(objects)} JSONL rows, {len(rows)} TSV rows"
for obj, row in zip(objects, rows):
    assert list(obj) == header, f"JSONL keys {list(obj)} != {header}"
    for key, value, expected in zip(header, obj.values(), row):
        if value is None:
            assert expected == "", f"{key}: null for {expected!r}"
        elif isinstance(value, int):
            assert str(value) == expected, f"{key}: {value} != {expected!r}"
        else:
            assert isinstance(value, str) and value == expected, f"{key}: {value!r} != {expected!r}"
if len(sys.argv) > 4:
    import pandas
    frame = pandas.read_csv(csv_path, keep_default_na=False, dtype=str)
    assert list(frame.columns) == header, "pandas columns differ"
    assert frame.values.tolist() == rows, "pandas values differ from the TSV's"
print(len(rows))
EOF
# pandas is Debian's python3-pandas (scripts/setup): missing, the test fails.
/usr/bin/python3 -c 'import pandas' 2>/dev/null || fail "python3-pandas is not installed (scripts/setup installs it)"
with_pandas=pandas
compare() {  # compare WHAT COMMAND...: runs COMMAND with each --format and compares the values
  local what=$1
  shift
  for format in tsv csv jsonl; do
    "$@" --format $format >"rows.$format" 2>"$WORK/err" || { cat "$WORK/err" >&2; fail "$what --format $format"; }
  done
  CHECKS=$((CHECKS + 1))
  local rows
  rows=$(/usr/bin/python3 compare.py rows.tsv rows.csv rows.jsonl $with_pandas) || fail "$what: formats differ"
  [ "$rows" -gt 0 ] || fail "$what: no rows to compare"
}
cat >hostile.txt <<'EOF'
"Ready," said Ada Park of Acme Corp. in Oslo, "or not."	She paid $5 for 3 apples on May 2, 2024.
NA, she wrote: C:\temp\new is "fine".
EOF
compare "tmk-sentences" tmk-sentences "${input[@]}" hostile.jsonl
compare "tmk-tokenize" tmk-tokenize hostile.txt hostile.jsonl
compare "tmk-entities" tmk-entities hostile.txt
compare "tmk-numbers" tmk-numbers hostile.txt
compare "tmk-quotes" tmk-quotes hostile.txt quote.txt
compare "tmk-kwic" tmk-kwic -e '"' -w 5 hostile.txt
compare "tmk-ngrams --rows" tmk-ngrams --rows -n 2 hostile.txt
compare "tmk-ngrams" tmk-ngrams -n 1-2 hostile.txt
tmk-tokenize hostile.txt >tokens.tsv
compare "tmk-count" tmk-count -c token tokens.tsv
tmk-entities hostile.txt >entities.tsv
compare "tmk-cooc" tmk-cooc --scope document entities.tsv

# JSONL numbers are numbers: offsets and counts, not strings.
tmk-count --format jsonl -c kind tokens.tsv >counts.jsonl
check_grep "counts are numbers" '^{"kind":"word","count":[0-9]*,"docs":1}$' counts.jsonl

# tmk-extract writes its tables in the format, and the manifest says so.
for format in tsv csv jsonl; do
  check_status "tmk-extract --format $format" 0 tmk-extract "${input[@]}" --format $format -o "tables.$format" hostile.jsonl
done
for table in documents sentences entities numbers quotes; do
  [ -f "tables.csv/$table.csv" ] && [ -f "tables.jsonl/$table.jsonl" ] || fail "tmk-extract: $table.csv or $table.jsonl missing"
  CHECKS=$((CHECKS + 1))
  /usr/bin/python3 compare.py "tables.tsv/$table.tsv" "tables.csv/$table.csv" "tables.jsonl/$table.jsonl" \
    $with_pandas >/dev/null || fail "tmk-extract $table: formats differ"
done
CHECKS=$((CHECKS + 1))
/usr/bin/python3 - <<'EOF' || fail "tmk-extract manifest"
import json
for fmt in ("tsv", "csv", "jsonl"):
    manifest = json.load(open(f"tables.{fmt}/manifest.json"))
    assert manifest["options"]["format"] == fmt
    sentences = manifest["tables"]["sentences"]
    assert (sentences["file"], sentences["format"], sentences["rows"]) == (f"sentences.{fmt}", fmt, 3), sentences
EOF
done_ok
