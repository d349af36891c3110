#!/usr/bin/env bash
# tmk-sentences: columns, offsets, layouts (CRLF, paragraphs, headline + dateline), the
# input formats and their ids and offsets, and the shared command-line behaviour.
source "$TMK_SOURCE/tests/cli/lib.sh"
cd "$WORK"
TAB=$'\t'

# --help documents the columns and ends with an example; usage errors exit 2.
check_status "--help" 0 tmk-sentences --help
check_grep "--help names the columns" "Columns: doc" "$WORK/out"
check_grep "--help has an example" "Example:" "$WORK/out"
check_status "unknown option" 2 tmk-sentences --frobnicate
check_status "bad --jobs" 2 tmk-sentences --jobs many

# Header and every column of a small document (expected rows worked out by hand).
printf 'Gov. Ada Park spoke at 3 p.m. Then she left. "We won," she said.\n' >basic.txt
check_status "basic" 0 tmk-sentences basic.txt
check_eq "header and rows" "doc${TAB}sent${TAB}start${TAB}end${TAB}text
basic.txt${TAB}1${TAB}0${TAB}29${TAB}Gov. Ada Park spoke at 3 p.m.
basic.txt${TAB}2${TAB}30${TAB}44${TAB}Then she left.
basic.txt${TAB}3${TAB}45${TAB}64${TAB}\"We won,\" she said." "$(cat "$WORK/out")"
check_offsets "basic offsets" "$WORK/out" basic.txt 3 4 5
check_eq "--no-header" "$(sed 1d "$WORK/out")" "$(tmk-sentences --no-header basic.txt)"

# CRLF text: the CR is neither inside a sentence nor at its end.
printf 'First line ends here.\r\nSecond line too.\r\n\r\nNew paragraph\r\n' >crlf.txt
tmk-sentences crlf.txt >crlf.tsv
check_eq "CRLF" "crlf.txt${TAB}1${TAB}0${TAB}21${TAB}First line ends here.
crlf.txt${TAB}2${TAB}23${TAB}39${TAB}Second line too.
crlf.txt${TAB}3${TAB}43${TAB}56${TAB}New paragraph" "$(sed 1d crlf.tsv)"
check_offsets "CRLF offsets" crlf.tsv crlf.txt 3 4 5

# Blank lines end sentences even without punctuation; a wrapped line is a space.
printf 'A paragraph without a stop\n\nThe next one wraps onto the\nsecond line. It ends.\n' >para.txt
tmk-sentences para.txt >para.tsv
check_eq "paragraphs" "A paragraph without a stop
The next one wraps onto the\\nsecond line.
It ends." "$(cut -f5 para.tsv | sed 1d)"
check_offsets "paragraph offsets" para.tsv para.txt 3 4 5

# A headline, byline and dateline, each on its own line, then the story.
cat >story.txt <<'TEXT'
Bridge Reopens After Repairs

By Nell Adler
RIVERTON, Ore., May 2
The old bridge reopened on Friday. Crews worked for six months, said Mayor J. Ortiz.
“It feels new.” says one driver.
TEXT
tmk-sentences story.txt >story.tsv
check_eq "headline and dateline" "Bridge Reopens After Repairs
By Nell Adler
RIVERTON, Ore., May 2
The old bridge reopened on Friday.
Crews worked for six months, said Mayor J. Ortiz.
“It feels new.” says one driver." "$(cut -f5 story.tsv | sed 1d)"
check_offsets "story offsets" story.tsv story.txt 3 4 5

# --jobs 1 and --jobs 4 give identical output over many documents.
mkdir many
for k in $(seq 1 40); do
  printf 'Doc %s starts. It has Dr. Lee and the U.S. Army in it.\n\nItem %s\n' "$k" "$k" >"many/d$k.txt"
done
tmk-sentences --jobs 1 many >jobs1.tsv
tmk-sentences --jobs 4 many >jobs4.tsv
check_eq "--jobs 1 vs 4" "$(cat jobs1.tsv)" "$(cat jobs4.tsv)"
check_eq "rows of 40 documents" 120 "$(sed 1d jobs1.tsv | wc -l)"

# A missing file is reported, the others still processed, exit 1.
check_status "missing file" 1 tmk-sentences nope.txt basic.txt
check_grep "missing file named" "^tmk-sentences: nope.txt: " "$WORK/err"
check_grep "others processed" "Then she left." "$WORK/out"

# --input lines: one document per line, id PATH:LINE, offsets within the line.
printf 'Hi there. Bye now.\nOnly one here\n' >lines.txt
check_status "lines" 0 tmk-sentences --input lines lines.txt
check_eq "lines ids and offsets" "lines.txt:1${TAB}1${TAB}0${TAB}9${TAB}Hi there.
lines.txt:1${TAB}2${TAB}10${TAB}18${TAB}Bye now.
lines.txt:2${TAB}1${TAB}0${TAB}13${TAB}Only one here" "$(sed 1d "$WORK/out")"

# --input jsonl: offsets count bytes of the decoded field (the escaped quote is one byte).
printf '%s\n' '{"id": "n1", "body": "She said \"go.\" We went. Mr. Cho stayed."}' '{"id": "n2", "body": "One more."}' >docs.jsonl
check_status "jsonl" 0 tmk-sentences --input jsonl --text-field body --id-field id docs.jsonl
check_eq "jsonl ids and offsets" "n1${TAB}1${TAB}0${TAB}14${TAB}She said \"go.\"
n1${TAB}2${TAB}15${TAB}23${TAB}We went.
n1${TAB}3${TAB}24${TAB}39${TAB}Mr. Cho stayed.
n2${TAB}1${TAB}0${TAB}9${TAB}One more." "$(sed 1d "$WORK/out")"
check_eq "jsonl ids default to PATH:LINE" "docs.jsonl:1
docs.jsonl:2" "$(tmk-sentences --no-header --input jsonl --text-field body docs.jsonl | cut -f1 | uniq)"

# --input tsv: by column name, with tmk's escaping undone (\n is one byte of the text).
printf 'key\ttext\na7\tTitle line\\nBody text. More.\n' >docs.tsv
check_status "tsv" 0 tmk-sentences --input tsv --text-column text --id-column key docs.tsv
check_eq "tsv ids and offsets" "a7${TAB}1${TAB}0${TAB}10${TAB}Title line
a7${TAB}2${TAB}11${TAB}21${TAB}Body text.
a7${TAB}3${TAB}22${TAB}27${TAB}More." "$(sed 1d "$WORK/out")"

# .gz input is read transparently; ids and offsets are those of the plain text.
cp basic.txt zipped.txt && gzip zipped.txt
check_status "gz" 0 tmk-sentences zipped.txt.gz
check_eq "gz rows" "$(tmk-sentences --no-header basic.txt | cut -f2-)" "$(sed 1d "$WORK/out" | cut -f2-)"
check_grep "gz id" "^zipped.txt.gz${TAB}1" "$WORK/out"

# A directory: walked recursively in byte order of paths, hidden files skipped.
mkdir -p tree/sub tree/.hid
printf 'Upper case first.\n' >tree/B.txt
printf 'Lower case next.\n' >tree/a.txt
printf 'Deeper down.\n' >tree/sub/c.txt
printf 'Hidden file.\n' >tree/.secret.txt
printf 'Hidden folder.\n' >tree/.hid/d.txt
check_status "directory" 0 tmk-sentences tree
check_eq "directory order" "tree/B.txt
tree/a.txt
tree/sub/c.txt" "$(sed 1d "$WORK/out" | cut -f1)"

# Standard input is document "-".
check_eq "stdin" "-${TAB}1${TAB}0${TAB}6${TAB}Hello." "$(printf 'Hello.' | tmk-sentences --no-header)"

done_ok
