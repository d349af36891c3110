#!/usr/bin/env bash
# tmk-quotes: header, columns, offsets, --help, exit codes, --jobs, unbalanced quotes, and
# every quotation of the two corpus/ articles with its speaker (checked by hand).
source "$TMK_SOURCE/tests/cli/lib.sh"
cd "$WORK" || exit 1

header=$'doc\tsent\tstart\tend\tkind\tspeaker\tspeaker_start\tspeaker_end\tspeaker_canonical\tcue\ttext\tquote\tspeaker_role\tspeaker_org\tspeaker_type'

check_status "--help" 0 tmk-quotes --help
check_grep "--help names the columns" "speaker_canonical" out
check_grep "--help has an example" "tmk-quotes corpus/" out
check_status "unknown option" 2 tmk-quotes --no-such-option
check_status "missing file" 1 tmk-quotes "$WORK/missing.txt"
check_grep "missing file named" "missing.txt" err

# A small article of our own: every pattern once.
cat >article.txt <<'EOF'
Council Votes 'No' on Budget

"We cannot pay for this," said Councilwoman Ada Brook, who chairs the finance committee.
Mayor Tom Reed told reporters: "The budget is fair." He added that critics were "simply wrong."
"It is late," he said. "But it is done."
EOF
check_status "article" 0 tmk-quotes article.txt
check_eq "header" "$header" "$(head -1 out)"
check_eq "fifteen columns on every row" "" "$(awk -F'\t' 'NF != 15' out)"
check_offsets "content offsets" out article.txt 3 4 11
check_offsets "speaker offsets" <(awk -F'\t' 'NR == 1 || $6 != ""' out) article.txt 7 8 6
check_eq "article rows" "headline				No
full	Councilwoman Ada Brook	Ada Brook	said	We cannot pay for this,
full	Mayor Tom Reed	Tom Reed	told	The budget is fair.
partial	He	Tom Reed	added	simply wrong.
full	he	Tom Reed	said	It is late,
full	he	Tom Reed		But it is done." "$(tail -n +2 out | cut -f5,6,9,10,11)"

check_eq "article numbers, roles, types" "1			
2	Councilwoman		person
3	Mayor		person
4			person
5			person
5			person" "$(tail -n +2 out | cut -f12-15)"

# --indirect adds reported speech: the content without its cue and source.
check_status "--indirect" 0 tmk-quotes --no-header --indirect article.txt
check_eq "--indirect row" "indirect	He	Tom Reed	added	critics were \"simply wrong.\"	" \
  "$(awk -F'\t' '$5 == "indirect"' out | cut -f5,6,9,10,11,12)"
check_eq "--indirect keeps the quote rows" "7" "$(wc -l <out | tr -d ' ')"

check_status "--no-header" 0 tmk-quotes --no-header article.txt
check_eq "--no-header rows" "6" "$(wc -l <out | tr -d ' ')"
check_status "--with-speaker" 0 tmk-quotes --no-header --with-speaker article.txt
check_eq "--with-speaker rows" "5" "$(wc -l <out | tr -d ' ')"

# Stdin, and the same bytes under --input lines.
check_status "stdin" 0 tmk-quotes - <article.txt
check_eq "stdin doc id" "-" "$(sed -n 2p out | cut -f1)"

# An unbalanced quote ends at its paragraph, warns, and the next paragraph is still read.
printf '"This sentence never closes, said Ann Lee.\nBo Kim replied: "Mine does." Then he left.\n' >unbalanced.txt
check_status "unbalanced" 0 tmk-quotes unbalanced.txt
check_grep "unbalanced warning" "unbalanced.txt: 1 unbalanced" err
check_eq "unbalanced rows" "This sentence never closes, said Ann Lee.	
Mine does.	Bo Kim" "$(tail -n +2 out | cut -f11,6 | awk -F'\t' '{print $2 "\t" $1}')"

# --jobs 1 and --jobs 4 give the same bytes.
mkdir many
for i in $(seq 1 40); do cp article.txt "many/a$i.txt"; cp unbalanced.txt "many/u$i.txt"; done
cp "$TMK_SOURCE"/corpus/*.txt many/
tmk-quotes --jobs 1 many >one.tsv 2>/dev/null
tmk-quotes --jobs 4 many >four.tsv 2>/dev/null
check_eq "jobs 1 vs 4" "$(md5sum <one.tsv)" "$(md5sum <four.tsv)"

# Invalid UTF-8 and NUL bytes are read, not fatal.
printf '"Caf\xe9 \x00 open," said Lu Wan.\n' >bad.txt
check_status "invalid utf-8" 0 tmk-quotes bad.txt
check_eq "invalid utf-8 speaker" "Lu Wan" "$(sed -n 2p out | cut -f6)"
check_status "empty file" 0 tmk-quotes /dev/null

# corpus/: every quotation of the two sample articles with its speaker, as read by hand in
# tests/data/quotes/corpus-gold.tsv (file, kind, speaker, speaker_canonical, cue, text).
check_status "corpus" 0 tmk-quotes "$TMK_SOURCE/corpus"
check_eq "corpus quotes are balanced" "" "$(grep unbalanced err)"
for f in "$TMK_SOURCE"/corpus/*.txt; do
  awk -F'\t' -v doc="$f" 'NR == 1 || $1 == doc' out >"one.tsv"
  check_offsets "corpus offsets $(basename "$f")" one.tsv "$f" 3 4 11
done
check_eq "corpus quotations as read by hand" \
  "$(grep -v '^#' "$TMK_SOURCE/tests/data/quotes/corpus-gold.tsv" | tail -n +2)" \
  "$(tail -n +2 out | awk -F'\t' -v OFS='\t' '{n = split($1, p, "/"); print p[n], $5, $6, $9, $10, $11}')"

done_ok
