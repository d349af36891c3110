#!/usr/bin/env bash
# The README's calls for reading tmk's TSV, CSV and JSONL in pandas, R (base and readr for TSV
# and CSV, jsonlite for JSONL), sqlite3 and Miller, run on tmk-extract's tables of corpus/ and
# of a hostile document (fields that start with a quote mark, tabs, line breaks, CR,
# backslashes, a control character, an entity named NA, a kept date, empty fields, a null
# number, a string of digits): every reader gets every row and every value exactly as
# DESIGN.md's TSV defines them (split at TAB, then \\ \t \n \r undone), from JSONL with whole
# numbers as numbers and an absent one as null. A reader that is not installed
# (scripts/setup installs them all) fails the test.
source "$TMK_SOURCE/tests/cli/lib.sh"
cd "$WORK" || fail "cd"

# The hostile document comes as JSONL with two kept fields for documents.tsv: a date (which
# pandas would turn into a timestamp) and an outlet named NA.
python3 - >hostile.jsonl <<'PY'
import json
text = ('"Quoted start," she said.\tThen a\ttab inside.\n'
        'NA signed the deal at C:\\new\\table and "quote.\n\n'
        'A line with \\t written out and a back\\\\slash, across\na line break.\r\n'
        'The NA group won 12%. "\n\n'
        '"Never," said Ann Lee of the unit\x1fseparator.\n')
print(json.dumps({"id": "hostile", "date": "2024-05-02", "outlet": "NA", "text": text}))
PY
printf 'NA\tORG\n' >names.tsv
# tables FORMAT INPUT OUT: tmk-extract's tables of hostile.jsonl or corpus/ (INPUT hostile or
# corpus) in FORMAT, into the directory OUT.
tables() {
  local input=("$TMK_SOURCE/corpus")
  [ "$2" = hostile ] && input=(--input jsonl --id-field id --keep-fields "date,outlet" hostile.jsonl)
  tmk-extract --format "$1" --gazetteer names.tsv --indirect "${input[@]}" -o "$3"
}
check_status "hostile tables" 0 tables tsv hostile hostile
check_status "corpus tables" 0 tables tsv corpus corpus
check_grep "an entity named NA" $'\tNA\tNA\tgazetteer' hostile/entities.tsv
check_grep "a field starting with a quote mark" $'\t"Quoted start,' hostile/sentences.tsv
check_grep "a tab in a field" 'Then a\\ttab' hostile/sentences.tsv
check_grep "a line break in a field" 'across\\na line' hostile/sentences.tsv
check_grep "an empty field" $'\t\t' hostile/quotes.tsv
check_grep "a kept date" $'\t2024-05-02\tNA\t' hostile/documents.tsv
# The same tables as CSV and JSONL (--format csv|jsonl): csv/DIR/TABLE.csv, jsonl/DIR/TABLE.jsonl.
for format in csv jsonl; do
  for dir in hostile corpus; do
    check_status "$dir tables as $format" 0 tables $format $dir "$format/$dir"
  done
done
check_grep "a null number" '"speaker_start":null' jsonl/hostile/quotes.jsonl
check_grep "a string of digits" '"value":"12"' jsonl/hostile/numbers.jsonl
check_grep "a control character" 'unit\\u001fseparator' jsonl/hostile/sentences.jsonl

# Every reader writes what it got into got/READER-DIR-TABLE (READER: pandas, Rbase, ...,
# with csv or jsonl appended for those formats), one value a line as "ROW<TAB>COLUMN<TAB>VALUE"
# (the header is row 0), VALUE being a string's UTF-8 bytes in hex, #N for a whole number N,
# null for a missing value, and ? then the value for anything else (no value tmk writes).
# write_values(ROWS, FILE) writes them from python3, the same in R further down.
cat >write_values.py <<'PY'
import numbers

def encode(value):
    if isinstance(value, str):
        return value.encode("utf-8").hex()
    if isinstance(value, numbers.Integral) and not isinstance(value, bool):
        return f"#{value}"
    return "null" if value is None else f"?{value!r}"

def write_values(rows, file_name):
    with open(file_name, "w", encoding="utf-8") as out:
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                out.write(f"{r}\t{c}\t{encode(value)}\n")
PY

# expect FILE [jsonl]: the values of the table FILE as DESIGN.md defines them; with jsonl, as
# JSONL types them: in the columns of whole numbers (offsets, sentence and quotation numbers,
# counts), numbers, an empty one null.
expect() {
  python3 - "$@" <<'PY'
import sys
from write_values import write_values
NUMBER_COLUMNS = {"sent", "start", "end", "speaker_start", "speaker_end", "quote", "bytes", "sentences"}
def unescape(f):
    out, i = [], 0
    while i < len(f):
        if f[i] == '\\' and i + 1 < len(f) and f[i + 1] in '\\tnr':
            out.append({'t': '\t', 'n': '\n', 'r': '\r', '\\': '\\'}[f[i + 1]]); i += 2
        else:
            out.append(f[i]); i += 1
    return ''.join(out)
lines = open(sys.argv[1], encoding='utf-8', newline='').read().split('\n')[:-1]
rows = [[unescape(field) for field in line.split('\t')] for line in lines]
if sys.argv[2:] == ['jsonl']:
    for row in rows[1:]:
        for c, name in enumerate(rows[0]):
            if name in NUMBER_COLUMNS:
                row[c] = int(row[c]) if row[c] else None
write_values(rows, "/dev/stdout")
PY
}

files=$(for dir in hostile corpus; do for table in documents sentences entities numbers quotes; do
  echo "$dir/$table.tsv"; done; done)
checked=""  # the readers that ran
mkdir got

# pandas (Debian's python3-pandas: /usr/bin/python3 when python3 is another Python): TSV,
# CSV, and JSONL (a column of numbers with a null in it comes as floats, and convert_dtypes
# makes them whole numbers again).
pandas_python=""
for python in python3 /usr/bin/python3; do
  "$python" -c 'import pandas' 2>/dev/null && { pandas_python=$python; break; }
done
if [ -n "$pandas_python" ]; then
  "$pandas_python" - $files <<'PY' || fail "pandas"
import csv, sys
import pandas as pd
from write_values import write_values
def write_frame(df, reader, path):
    rows = df.astype(object).where(df.notna(), None).values.tolist()
    write_values([list(df.columns)] + rows, f"got/{reader}-" + path.replace("/", "-"))
for path in sys.argv[1:]:
    df = pd.read_csv(path, sep="\t", quoting=csv.QUOTE_NONE, dtype=str, na_filter=False, encoding="utf-8")
    unescape = {"\\\\": "\\", "\\t": "\t", "\\n": "\n", "\\r": "\r"}
    df = df.apply(lambda column: column.str.replace(r"\\[\\tnr]", lambda m: unescape[m.group(0)], regex=True))
    write_frame(df, "pandas", path)
    df = pd.read_csv("csv/" + path[:-4] + ".csv", keep_default_na=False, dtype=str)
    write_frame(df, "pandascsv", path)
    df = pd.read_json("jsonl/" + path[:-4] + ".jsonl", lines=True, dtype=False, convert_dates=False).convert_dtypes()
    write_frame(df, "pandasjsonl", path)
PY
  checked+=" pandas"
fi

# R: base read.delim and read.csv, readr, and jsonlite for JSONL (base R reads no JSON):
# parse_json, not stream_in or fromJSON, which turn a column whose values are all "NA" (or
# "NaN", "Inf", "-Inf") into missing values. Each writes what it got with
# write_values(df, FILE), as write_values.py does.
export WRITE_VALUES_R=$WORK/write_values.R
cat >"$WRITE_VALUES_R" <<'R'
hex <- function(x) paste(sprintf("%02x", as.integer(charToRaw(enc2utf8(x)))), collapse = "")
encode <- function(x) {
  if (is.na(x)) "null"
  else if (is.character(x)) hex(x)
  else if (is.numeric(x) && x == round(x)) paste0("#", format(x, scientific = FALSE))
  else paste0("?", x)
}
write_values <- function(df, file_name) {
  header <- sprintf("0\t%d\t%s", seq_along(df) - 1, vapply(names(df), hex, ""))
  rows <- lapply(seq_len(nrow(df)), function(i)
    sprintf("%d\t%d\t%s", i, seq_along(df) - 1, vapply(df, function(column) encode(column[[i]]), "")))
  writeLines(c(header, unlist(rows)), file_name)
}
R
if command -v Rscript >/dev/null; then
  for reader in base readr jsonlite; do
    if ! Rscript -e "library($reader)" >/dev/null 2>&1; then continue; fi
    Rscript - "$reader" $files 2>"$WORK/r.err" <<'R' || { cat "$WORK/r.err" >&2; fail "R $reader"; }
args <- commandArgs(trailingOnly = TRUE)
unescape <- function(x) {
  x <- gsub("\\\\", "\001", x, fixed = TRUE)
  x <- gsub("\\t", "\t", x, fixed = TRUE)
  x <- gsub("\\n", "\n", x, fixed = TRUE)
  x <- gsub("\\r", "\r", x, fixed = TRUE)
  gsub("\001", "\\", x, fixed = TRUE)
}
source(Sys.getenv("WRITE_VALUES_R"))
got <- function(format, path) paste0("got/R", args[1], format, "-", gsub("/", "-", path))
for (path in args[-1]) {
  csv <- paste0("csv/", sub("[.]tsv$", ".csv", path))
  if (args[1] == "base") {
    df <- read.delim(path, quote = "", na.strings = character(0), comment.char = "",
                     colClasses = "character", check.names = FALSE, encoding = "UTF-8")
    df[] <- lapply(df, unescape)
    write_values(df, got("", path))
    df <- read.csv(csv, na.strings = character(0), colClasses = "character", check.names = FALSE,
                   strip.white = FALSE, encoding = "UTF-8")
    write_values(df, got("csv", path))
  } else if (args[1] == "readr") {
    df <- as.data.frame(readr::read_delim(path, delim = "\t", quote = "", escape_backslash = FALSE,
                                          escape_double = FALSE, na = character(), trim_ws = FALSE,
                                          col_types = readr::cols(.default = "c"), progress = FALSE))
    df[] <- lapply(df, unescape)
    write_values(df, got("", path))
    df <- as.data.frame(readr::read_csv(csv, na = character(), trim_ws = FALSE,
                                        col_types = readr::cols(.default = "c"), progress = FALSE))
    write_values(df, got("csv", path))
  } else {
    lines <- readLines(paste0("jsonl/", sub("[.]tsv$", ".jsonl", path)), encoding = "UTF-8")
    records <- jsonlite::parse_json(paste0("[", paste(lines, collapse = ","), "]"))
    df <- as.data.frame(lapply(setNames(nm = names(records[[1]])), function(column)
      unlist(lapply(records, function(record) if (is.null(record[[column]])) NA else record[[column]]))),
      check.names = FALSE)
    write_values(df, got("jsonl", path))
  }
}
R
    checked+=" R:$reader"
  done
fi

# dump_sqlite_table COLUMNS SELECT: the header (row 0) and every value of db.sqlite's table t,
# one line each: row, column number, the value as SELECT gives it.
dump_sqlite_table() {
  local n=0 column
  while read -r column; do
    printf '0\t%s\t%s\n' "$n" "$(printf '%s' "$column" | od -An -tx1 | tr -d ' \n')"
    n=$((n + 1))
  done <<<"$1"
  sqlite3 -separator $'\t' db.sqlite "SELECT rowid, $2 FROM t ORDER BY rowid" |
    awk -F'\t' '{ for (i = 2; i < NF; i += 2) print $1 "\t" $i "\t" $(i + 1) }'
}

# sqlite3: TSV with .mode ascii and TAB and LF as separators (fields without any quoting),
# then the escaping undone; CSV with .import --csv; JSONL a line at a time into a table of
# one column (.mode ascii with US and LF as separators: JSON escapes every control character,
# so no line holds a US), then json_extract gives each key's value as JSON types it: text,
# integer or NULL.
if command -v sqlite3 >/dev/null; then
  for file in $files; do
    got=${file//\//-}
    rm -f db.sqlite
    columns=$(head -n 1 "$file" | tr '\t' '\n')
    sqlite3 db.sqlite '.mode ascii' '.separator "\t" "\n"' ".import $file t" || fail "sqlite3 .import $file"
    select=""
    n=0
    while read -r column; do
      unescaped="replace(replace(replace(replace(replace(\"$column\", '\\\\', char(1)), '\\t', char(9)), '\\n', char(10)), '\\r', char(13)), char(1), '\\')"
      select+="${select:+, }$n, lower(hex($unescaped))"
      n=$((n + 1))
    done <<<"$columns"
    dump_sqlite_table "$columns" "$select" >"got/sqlite3-$got"

    rm -f db.sqlite
    sqlite3 db.sqlite ".import --csv csv/${file%.tsv}.csv t" || fail "sqlite3 .import --csv $file"
    columns=$(sqlite3 db.sqlite "SELECT name FROM pragma_table_info('t') ORDER BY cid")
    select=""
    n=0
    while read -r column; do
      select+="${select:+, }$n, lower(hex(\"$column\"))"
      n=$((n + 1))
    done <<<"$columns"
    dump_sqlite_table "$columns" "$select" >"got/sqlite3csv-$got"

    rm -f db.sqlite
    sqlite3 db.sqlite 'CREATE TABLE lines(line TEXT)' '.mode ascii' '.separator "\037" "\n"' \
      ".import jsonl/${file%.tsv}.jsonl lines" || fail "sqlite3 .import jsonl/${file%.tsv}.jsonl"
    columns=$(sqlite3 db.sqlite "SELECT key FROM json_each((SELECT line FROM lines WHERE rowid = 1))")
    extract=""
    select=""
    n=0
    while read -r column; do
      extract+="${extract:+, }json_extract(line, '\$.$column') AS \"$column\""
      select+="${select:+, }$n, CASE typeof(\"$column\") WHEN 'integer' THEN '#' || \"$column\""
      select+=" WHEN 'null' THEN 'null' WHEN 'text' THEN lower(hex(\"$column\")) ELSE '?' || \"$column\" END"
      n=$((n + 1))
    done <<<"$columns"
    sqlite3 db.sqlite "CREATE TABLE t AS SELECT $extract FROM lines" || fail "sqlite3 json_extract $file"
    dump_sqlite_table "$columns" "$select" >"got/sqlite3jsonl-$got"
  done
  checked+=" sqlite3"
fi

# Miller: its TSV reader undoes tmk's escaping itself; -S keeps every TSV or CSV value a
# string; JSONL keeps JSON's types. read_with_miller OUT FILE FLAGS...: Miller's values of
# FILE, through its JSON output, into OUT.
read_with_miller() {
  mlr "${@:3}" --ojson cat "$2" >got.json || fail "mlr ${*:3} on $2"
  python3 - got.json "$1" <<'PY' || fail "Miller's JSON of $2"
import json, sys
from write_values import write_values
# strict=False: Miller's JSON writer leaves control characters (U+001F here) unescaped.
records = json.load(open(sys.argv[1], encoding="utf-8"), strict=False)
write_values([list(records[0])] + [list(record.values()) for record in records], sys.argv[2])
PY
}
if command -v mlr >/dev/null; then
  for file in $files; do
    read_with_miller "got/Miller-${file//\//-}" "$file" --itsv -S
    read_with_miller "got/Millercsv-${file//\//-}" "csv/${file%.tsv}.csv" --icsv -S
    read_with_miller "got/Millerjsonl-${file//\//-}" "jsonl/${file%.tsv}.jsonl" --ijsonl
  done
  checked+=" Miller"
fi

for file in $files; do
  expect "$file" >expected
  expect "$file" jsonl >expected.jsonl
  for got in got/*-"${file//\//-}"; do
    CHECKS=$((CHECKS + 1))
    reader=${got#got/}
    reader=${reader%%-*}
    want=expected
    [[ $reader == *jsonl ]] && want=expected.jsonl
    diff "$want" "$got" >diff.txt || { head -5 diff.txt >&2; fail "$reader reads $file differently"; }
  done
done
# Every reader the README names must have been checked: a missing one fails, never skips.
for reader in pandas R:base R:readr R:jsonlite sqlite3 Miller; do
  [[ " $checked " == *" $reader "* ]] || fail "$reader is not installed (scripts/setup installs it)"
done
check_eq "every table read by 14 readers" $((10 * 14)) "$(ls got | wc -l)"
done_ok
