#!/usr/bin/env bash
# tmk-report: help, usage errors, missing and empty tables, the page written whole or not
# at all, determinism, hostile text escaped, and the figures it shows recounted with the
# commands it names. The browser test is test-report-browser.sh.
source "$TMK_SOURCE/tests/cli/lib.sh"
cd "$WORK" || fail "cd"
T=$'\t'

# The input: the tables tmk-extract writes of the two articles of corpus/, as JSONL with a
# date and an outlet.
corpus_jsonl >articles.jsonl
tmk-extract --indirect --keep-fields date,outlet --input jsonl --id-field id articles.jsonl -o tables ||
  fail "tmk-extract"

# --help, and tmk report is tmk-report.
check_status "--help" 0 tmk-report --help
check_grep "--help: usage" "tmk-report \[OPTIONS\] directory" out
check_grep "--help: example" "tmk-report tables/ -o report.html" out
check_status "tmk report --help" 0 tmk report --help
check_grep "tmk report --help" "tmk-report tables/ -o report.html" out

# Usage errors: status 2.
check_status "no arguments" 2 tmk-report
check_status "no -o" 2 tmk-report tables
check_grep "no -o: says so" "output is required" err
check_status "--top 0" 2 tmk-report tables -o r.html --top 0
check_status "two directories" 2 tmk-report tables tables -o r.html

# Missing directory or documents.tsv: status 1, the file named, nothing written.
check_status "missing directory" 1 tmk-report no-such-dir -o r.html
check_eq "missing directory: message" "tmk-report: no-such-dir: no such directory" "$(cat err)"
[ ! -e r.html ] || fail "a report was written for a missing directory"
mkdir empty-dir
check_status "no documents.tsv" 1 tmk-report empty-dir -o r.html
check_grep "no documents.tsv: named" "empty-dir/documents.tsv: no such table" err

# The report of the two articles.
check_status "report" 0 tmk-report tables -o report.html
check_eq "report: nothing on stderr" "" "$(cat err)"
check_eq "report: stdout empty" "" "$(cat out)"
check_grep "an HTML page" "^<!DOCTYPE html>" report.html
# Self-contained: no external script, style, font or image.
check_eq "no external resources" "" "$(grep -oiE '<(link|img|iframe)|src=|@import|url\(' report.html)"
check_eq "one script" "1" "$(grep -c '<script' report.html)"
# What the articles hold, found by reading them: Clinton and Sanders are the most named
# people; Rand Wilson (a volunteer of Labor for Bernie) and Al Wagner are quoted; $15 and
# $12 are its amounts of money; 44, 42 and 71 percent its percentages.
for text in "Hillary Clinton" "Bernie Sanders" "Rand Wilson" "Al Wagner" "Labor for Bernie" "\$15" "\$12" \
  "Example Wire" "Sample Times" "2015-08-18 – 2016-02-22" "Documents per month"; do
  check_grep "report shows $text" "$text" report.html
done

# Same input, same bytes: twice, and on one thread or two.
tmk-report tables -o again.html -j 1 || fail "second run"
cmp -s report.html again.html || fail "two runs differ"
tmk-report tables -o again.html -j 2 || fail "-j 2 run"
cmp -s report.html again.html || fail "-j 2 differs from -j 1"
CHECKS=$((CHECKS + 2))

# -o - writes to standard output; a closed pipe ends quietly.
check_status "-o -" 0 tmk-report tables -o -
cmp -s out report.html || fail "-o - differs from the file"
tmk-report tables -o - 2>closed.err | head -c 8 >/dev/null
check_eq "closed pipe: status 0" "0" "${PIPESTATUS[0]}"
check_eq "closed pipe: quiet" "" "$(cat closed.err)"

# Columns by name, extra columns tolerated: the tables with their columns reversed and one
# more column give the same page.
mkdir shuffled
for table in tables/*.tsv; do
  awk -F'\t' -v OFS='\t' '{ line = (NR == 1 ? "extra" : "x"); for (i = NF; i >= 1; i--) line = line OFS $i; print line }' \
    "$table" >"shuffled/${table#tables/}"
done
cp tables/manifest.json shuffled/
mv tables original && mv shuffled tables
tmk-report tables -o shuffled.html || fail "reversed columns"
mv tables shuffled && mv original tables
CHECKS=$((CHECKS + 1))
cmp -s report.html shuffled.html || fail "columns reversed, one more: not the same page"

# Missing tables: documents.tsv alone gives a page that says what is missing.
mkdir only-documents
cp tables/documents.tsv only-documents/
check_status "documents.tsv alone" 0 tmk-report only-documents -o only.html
check_grep "no names" "No names (entities.tsv is missing or empty)" only.html
check_grep "no quotations" "No quotations (quotes.tsv is missing or empty)" only.html
check_grep "no manifest" "none (no readable manifest.json)" only.html
# A manifest that is not JSON: reported (status 1), the page made without it.
cp -r tables bad-manifest
echo '[1, 2' >bad-manifest/manifest.json
check_status "unreadable manifest" 1 tmk-report bad-manifest -o bad-manifest.html
check_grep "unreadable manifest: named" "^tmk-report: bad-manifest/manifest.json: .*parse" err
check_grep "unreadable manifest: page made" "none (no readable manifest.json)" bad-manifest.html
# Empty tables: an empty file, and one with a header only.
mkdir empty-tables
cp tables/documents.tsv empty-tables/
: >empty-tables/entities.tsv
head -1 tables/quotes.tsv >empty-tables/quotes.tsv
check_status "empty tables" 0 tmk-report empty-tables -o empty.html
check_grep "empty entities" "No names" empty.html
check_grep "header-only quotes" "No quotations" empty.html
# A table without a column the report needs, or with a bad number: status 1, the file named.
mkdir bad
cp tables/documents.tsv bad/
cut -f1-4 tables/entities.tsv >bad/entities.tsv
check_status "entities.tsv without type" 1 tmk-report bad -o bad.html
check_grep "missing column: named" "bad/entities.tsv: .*type" err
printf 'doc\tsent\tstart\tend\tkind\tvalue\nx\tone\t0\t1\tmoney\t5\n' >bad/numbers.tsv
rm bad/entities.tsv
check_status "numbers.tsv with a bad sent" 1 tmk-report bad -o bad.html
check_grep "bad number: named" "bad/numbers.tsv: line 2: sent is not a number: 'one'" err
[ ! -e bad.html ] || fail "a report was written from a bad table"

# The page is written whole or not at all: a failed run leaves an existing file as it was,
# and no temporary file behind.
cp report.html keep.html
check_status "failed run, existing output" 1 tmk-report no-such-dir -o keep.html
cmp -s report.html keep.html || fail "a failed run changed the existing output"
check_status "output directory missing" 1 tmk-report tables -o no-such-dir/r.html
check_grep "output directory missing: named" "no-such-dir/r.html: No such file or directory" err
mkdir locked
chmod 755 "$WORK"
chmod 555 locked
cp -r tables "$WORK/open-tables"
chmod -R a+rX "$WORK/open-tables"
check_status "unwritable output directory" 1 unprivileged tmk-report "$WORK/open-tables" -o "$WORK/locked/r.html"
check_grep "unwritable: named" "locked/r.html: Permission denied" err
check_eq "no temporary files left" "" "$(ls -A locked; ls | grep tmp- || true)"

# Hostile text from the data is escaped everywhere: names, speakers, quotations, units,
# document ids, outlets and the directory name.
H='</script><script>alert(1)</script><b x="1">&amp;'"'"
mkdir -p "hostile<dir>"
D="hostile<dir>"
printf 'doc\toutlet\tdate\tbytes\tsentences\tsha256\nd%s\t%s\t2020-01-01\t10\t1\tx\n' "$H" "$H" >"$D/documents.tsv"
printf 'doc\tsent\tstart\tend\ttext\nd%s\t1\t0\t10\t%s\n' "$H" "$H" >"$D/sentences.tsv"
printf 'doc\tsent\tstart\tend\ttype\ttext\tcanonical\tsource\nd%s\t1\t0\t3\tPER\tx\t%s\tmodel\nd%s\t1\t3\t5\tORG\ty\t<o>\tmodel\n' \
  "$H" "$H" "$H" >"$D/entities.tsv"
printf 'doc\tsent\tstart\tend\tkind\tspeaker_canonical\ttext\nd%s\t1\t0\t10\tdirect\t%s\t%s\n' "$H" "$H" "$H" >"$D/quotes.tsv"
printf 'doc\tsent\tstart\tend\tkind\tvalue\tunit\ttext\nd%s\t1\t0\t2\tmoney\t1e9\t%s\t%s\n' "$H" "$H" "$H" >"$D/numbers.tsv"
printf '{"tmk": {"version": "%s"}, "command": ["tmk-extract", "%s"], "complete": true}\n' '</script>' '<x>' >"$D/manifest.json"
check_status "hostile text" 0 tmk-report "$D" -o hostile.html
check_eq "hostile text: still one script" "1" "$(grep -c '<script' hostile.html)"
check_eq "hostile text: no markup from the data" "" "$(grep -o '<b x\|<o>\|<x>\|<dir>' hostile.html)"
check_grep "hostile text: shown escaped" '&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;&lt;b x=&quot;1&quot;&gt;&amp;amp;' hostile.html
cp hostile.html "$TMK_BUILD/report-hostile.html" 2>/dev/null || true

# The figures shown are those the named commands give. People: tmk-count -c canonical --by type.
tmk-count -c canonical --by type tables/entities.tsv >entity-counts.tsv || fail "tmk-count entities"
top_person=$(awk -F'\t' '$1 == "PER"' entity-counts.tsv | head -1)
IFS=$T read -r _ name count docs <<<"$top_person"
check_grep "top person's count as tmk-count gives it" "$name (PER): $count mentions in $docs documents" report.html
# Speakers: tmk-count -c speaker_canonical (rows with no speaker aside).
top_speaker=$(tmk-count -c speaker_canonical --no-header tables/quotes.tsv | awk -F'\t' '$1 != ""' | head -1)
IFS=$T read -r name count docs <<<"$top_speaker"
check_grep "top speaker's count as tmk-count gives it" "$name: $count quotations\? in $docs documents\?" report.html
read -r quotations attributed < <(awk -F'\t' 'NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i; next } { n++ } $c["speaker_canonical"] != "" { s++ } END { print n, s }' tables/quotes.tsv)
check_grep "quotations and those with a speaker" ">$quotations quotations, $attributed with a speaker.<" report.html
# Numbers by kind.
while IFS=$T read -r kind count docs; do
  check_grep "numbers of kind $kind" ">$kind: $count in $docs documents\?" report.html
done < <(tmk-count -c kind --no-header tables/numbers.tsv)
# Edges of the network: tmk-cooc's sentence counts.
edge=$(tmk-cooc --no-header tables/entities.tsv | head -1)
IFS=$T read -r a b _ _ count _ <<<"$edge"
check_grep "the strongest edge as tmk-cooc counts it" "$a and $b: $count sentences" report.html
# Mentions over time: the documents' month joined to entities.tsv, as the page's command does.
(
  cd tables || exit 1
  awk -F'\t' 'NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i; next } NR == FNR { d[$1] = substr($c["date"], 1, 7); next } FNR == 1 { print "period\t" $0; next } { print d[$1] "\t" $0 }' documents.tsv entities.tsv |
    tmk-count -c period --by canonical --no-header
) >over-time.tsv
# By hand: article 000 (February 2016) names Clinton 12 times, each time Hillary Clinton.
check_eq "Clinton's mentions in February 2016" "12" \
  "$(awk -F'\t' '$1 == "Hillary Clinton" && $2 == "2016-02" { print $3 }' over-time.tsv)"
while IFS=$T read -r name period count _; do
  check_grep "$name in $period as the command counts" "<title>$period: $count mentions of $name</title>" report.html
done < <(grep -E '^(Hillary Clinton|Bernie Sanders)\b' over-time.tsv)
# The corpus' figures, with the shell commands the page shows.
read -r documents sentences bytes < <(awk -F'\t' 'NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i; next } { n++; s += $c["sentences"]; b += $c["bytes"] } END { print n, s, b }' tables/documents.tsv)
words=$(tail -n +2 tables/sentences.tsv | cut -f5 | sed 's/\\[tnr]/ /g' | LC_ALL=C awk '{ n += NF } END { print n }')
check_eq "documents and bytes by hand" "2 $(cat "$TMK_SOURCE"/corpus/* | wc -c)" "$documents $bytes"
for figure in "documents:$documents" "sentences:$sentences" "words:$words" "bytes:$bytes"; do
  check_grep "corpus figure ${figure%%:*}" "<dt>${figure%%:*}</dt><dd>${figure#*:}</dd>" report.html
done

done_ok
