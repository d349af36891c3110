#!/usr/bin/env bash
# The README's calls for reading tmk's TSV in pandas, R (base and readr), sqlite3 and Miller,
# and its CSV in pandas, R and sqlite3, run on tmk-extract's tables of corpus/ and of a hostile document (fields that start with a
# quote mark, tabs, line breaks, CR, backslashes, an entity named NA, empty fields): every
# reader gets every row and every value exactly as DESIGN.md's TSV defines them (split at
# TAB, then \\ \t \n \r undone). A reader that is not installed (scripts/setup installs them
# all) is skipped with a note.
source "$TMK_SOURCE/tests/cli/lib.sh"
cd "$WORK" || fail "cd"

python3 - <<'PY'
text = ('"Quoted start," she said.\tThen a\ttab inside.\n'
        'NA signed the deal at C:\\new\\table and "quote.\n\n'
        'A line with \\t written out and a back\\\\slash, across\na line break.\r\n'
        'The NA group won 12%. "\n\n'
        '"Never," said Ann Lee.\n')
open("hostile.txt", "w", encoding="utf-8", newline="").write(text)
PY
printf 'NA\tORG\n' >names.tsv
check_status "hostile tables" 0 tmk-extract --gazetteer names.tsv --indirect hostile.txt -o hostile
check_status "corpus tables" 0 tmk-extract --gazetteer names.tsv --indirect "$TMK_SOURCE/corpus" -o corpus
check_grep "an entity named NA" $'\tNA\tNA\tgazetteer' hostile/entities.tsv
check_grep "a field starting with a quote mark" $'\t"Quoted start,' hostile/sentences.tsv
check_grep "a tab in a field" 'Then a\\ttab' hostile/sentences.tsv
check_grep "a line break in a field" 'across\\na line' hostile/sentences.tsv
check_grep "an empty field" $'\t\t' hostile/quotes.tsv

# expect FILE: the table's rows as DESIGN.md defines them, one value a line as
# "ROW<TAB>COLUMN<TAB>hex of its UTF-8 bytes" (the header is row 0).
expect() {
  python3 - "$1" <<'PY'
import sys
def unescape(f):
    out, i = [], 0
    while i < len(f):
        if f[i] == '\\' and i + 1 < len(f) and f[i + 1] in '\\tnr':
            out.append({'t': '\t', 'n': '\n', 'r': '\r', '\\': '\\'}[f[i + 1]]); i += 2
        else:
            out.append(f[i]); i += 1
    return ''.join(out)
lines = open(sys.argv[1], encoding='utf-8', newline='').read().split('\n')[:-1]
for r, line in enumerate(lines):
    for c, field in enumerate(line.split('\t')):
        print(f"{r}\t{c}\t{unescape(field).encode('utf-8').hex()}")
PY
}

files=$(for dir in hostile corpus; do for table in documents sentences entities numbers quotes; do
  echo "$dir/$table.tsv"; done; done)
readers=0
mkdir got

# pandas (Debian's python3-pandas: /usr/bin/python3 when python3 is another Python). Each
# reader writes what it got into got/READER-DIR-TABLE.
pandas_python=""
for python in python3 /usr/bin/python3; do
  "$python" -c 'import pandas' 2>/dev/null && { pandas_python=$python; break; }
done
if [ -n "$pandas_python" ]; then
  "$pandas_python" - $files <<'PY' || fail "pandas"
import csv, sys
import pandas as pd
for path in sys.argv[1:]:
    df = pd.read_csv(path, sep="\t", quoting=csv.QUOTE_NONE, dtype=str, na_filter=False, encoding="utf-8")
    unescape = {"\\\\": "\\", "\\t": "\t", "\\n": "\n", "\\r": "\r"}
    df = df.apply(lambda column: column.str.replace(r"\\[\\tnr]", lambda m: unescape[m.group(0)], regex=True))
    with open("got/pandas-" + path.replace("/", "-"), "w", encoding="utf-8") as out:
        for r, row in enumerate([list(df.columns)] + df.values.tolist()):
            for c, value in enumerate(row):
                out.write(f"{r}\t{c}\t{value.encode('utf-8').hex()}\n")
PY
  readers=$((readers | 1))
fi

# R: base read.delim and readr. Both R readers (TSV here, CSV below) write what they got
# with write_values(df, FILE): the header (row 0) and every value, one line each, as
# "ROW<TAB>COLUMN<TAB>hex of its UTF-8 bytes".
export WRITE_VALUES_R=$WORK/write_values.R
cat >"$WRITE_VALUES_R" <<'R'
hex <- function(x) paste(sprintf("%02x", as.integer(charToRaw(enc2utf8(x)))), collapse = "")
write_values <- function(df, file_name) {
  rows <- c(list(names(df)), lapply(seq_len(nrow(df)), function(i) unlist(df[i, , drop = TRUE], use.names = FALSE)))
  out <- file(file_name, "w")
  for (r in seq_along(rows)) for (c in seq_along(rows[[r]]))
    cat(r - 1, "\t", c - 1, "\t", hex(rows[[r]][c]), "\n", sep = "", file = out)
  close(out)
}
R
if command -v Rscript >/dev/null; then
  for reader in base readr; do
    [ "$reader" = readr ] && ! Rscript -e 'library(readr)' >/dev/null 2>&1 && continue
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
for (path in args[-1]) {
  if (args[1] == "base") {
    df <- read.delim(path, quote = "", na.strings = character(0), comment.char = "",
                     colClasses = "character", check.names = FALSE, encoding = "UTF-8")
  } else {
    df <- as.data.frame(readr::read_delim(path, delim = "\t", quote = "", escape_backslash = FALSE,
                                          escape_double = FALSE, na = character(), trim_ws = FALSE,
                                          col_types = readr::cols(.default = "c"), progress = FALSE))
  }
  df[] <- lapply(df, unescape)
  write_values(df, paste0("got/R", args[1], "-", gsub("/", "-", path)))
}
R
  done
  readers=$((readers | 2))
fi

# dump_sqlite_table COLUMNS SELECT: the header (row 0) and every value of db.sqlite's table t,
# one line each: row, column number, the value's bytes in hex.
dump_sqlite_table() {
  local n=0 column
  while read -r column; do
    printf '0\t%s\t%s\n' "$n" "$(printf '%s' "$column" | od -An -tx1 | tr -d ' \n')"
    n=$((n + 1))
  done <<<"$1"
  sqlite3 -separator $'\t' db.sqlite "SELECT rowid, $2 FROM t ORDER BY rowid" |
    awk -F'\t' '{ for (i = 2; i < NF; i += 2) print $1 "\t" $i "\t" $(i + 1) }'
}

# sqlite3: .mode ascii with TAB and LF as separators reads fields without any quoting.

if command -v sqlite3 >/dev/null; then
  for file in $files; do
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
    dump_sqlite_table "$columns" "$select" >"got/sqlite3-${file//\//-}"
  done
  readers=$((readers | 4))
fi

# Miller: its TSV reader undoes tmk's escaping itself; -S keeps every value a string.
if command -v mlr >/dev/null; then
  for file in $files; do
    mlr --itsv --ojson -S cat "$file" >got.json || fail "mlr on $file"
    python3 - "$file" got.json >"got/Miller-${file//\//-}" <<'PY'
import json, sys
header = open(sys.argv[1], encoding="utf-8").readline().rstrip("\n").split("\t")
rows = [header] + [list(record.values()) for record in json.load(open(sys.argv[2], encoding="utf-8"))]
for r, row in enumerate(rows):
    for c, value in enumerate(row):
        print(f"{r}\t{c}\t{value.encode('utf-8').hex()}")
PY
  done
  readers=$((readers | 8))
fi

# The same tables as CSV (--format csv), read with the README's CSV calls: no unescaping.
# Each reader's values of csv/DIR/TABLE.csv go into got/READERcsv-DIR-TABLE.tsv, to be
# compared with the TSV's below.
for dir in hostile corpus; do
  check_status "$dir tables as CSV" 0 tmk-extract --format csv --gazetteer names.tsv --indirect \
    "$([ $dir = hostile ] && echo hostile.txt || echo "$TMK_SOURCE/corpus")" -o "csv/$dir"
done
if [ -n "$pandas_python" ]; then
  "$pandas_python" - $files <<'PY' || fail "pandas CSV"
import pandas as pd
import sys
for path in sys.argv[1:]:
    df = pd.read_csv("csv/" + path[:-4] + ".csv", keep_default_na=False, dtype=str)
    with open("got/pandascsv-" + path.replace("/", "-"), "w", encoding="utf-8") as out:
        for r, row in enumerate([list(df.columns)] + df.values.tolist()):
            for c, value in enumerate(row):
                out.write(f"{r}\t{c}\t{value.encode('utf-8').hex()}\n")
PY
fi
if command -v Rscript >/dev/null; then
  for reader in base readr; do
    [ "$reader" = readr ] && ! Rscript -e 'library(readr)' >/dev/null 2>&1 && continue
    Rscript - "$reader" $files 2>"$WORK/r.err" <<'R' || { cat "$WORK/r.err" >&2; fail "R $reader CSV"; }
args <- commandArgs(trailingOnly = TRUE)
source(Sys.getenv("WRITE_VALUES_R"))
for (path in args[-1]) {
  csv <- paste0("csv/", sub("[.]tsv$", ".csv", path))
  if (args[1] == "base") {
    df <- read.csv(csv, na.strings = character(0), colClasses = "character", check.names = FALSE,
                   strip.white = FALSE, encoding = "UTF-8")
  } else {
    df <- as.data.frame(readr::read_csv(csv, na = character(), trim_ws = FALSE,
                                        col_types = readr::cols(.default = "c"), progress = FALSE))
  }
  write_values(df, paste0("got/R", args[1], "csv-", gsub("/", "-", path)))
}
R
  done
fi
if command -v sqlite3 >/dev/null; then
  for file in $files; do
    rm -f db.sqlite
    sqlite3 db.sqlite ".import --csv csv/${file%.tsv}.csv t" || fail "sqlite3 .import --csv $file"
    columns=$(sqlite3 db.sqlite "SELECT name FROM pragma_table_info('t') ORDER BY cid")
    select=""
    n=0
    while read -r column; do
      select+="${select:+, }$n, lower(hex(\"$column\"))"
      n=$((n + 1))
    done <<<"$columns"
    dump_sqlite_table "$columns" "$select" >"got/sqlite3csv-${file//\//-}"
  done
fi

for file in $files; do
  expect "$file" >expected
  for got in got/*-"${file//\//-}"; do
    CHECKS=$((CHECKS + 1))
    reader=${got#got/}
    diff expected "$got" >diff.txt || { head -5 diff.txt >&2; fail "${reader%%-*} reads $file differently"; }
  done
done
# Every reader the README names must have been checked: a missing one fails, never skips.
for bit in 1:pandas 2:R 4:sqlite3 8:Miller; do
  [ $((readers & ${bit%%:*})) -ne 0 ] || fail "${bit#*:} is not installed (scripts/setup installs it)"
done
done_ok
