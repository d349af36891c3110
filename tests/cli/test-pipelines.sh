#!/usr/bin/env bash
# The pipelines of the README (Pipelines chapter), run on corpus/, checked against facts read off the
# articles by hand (not copied from a tool's output). A tool that is missing is a failure,
# never a skip: every tool these pipelines use is part of the build.
source "$TMK_SOURCE/tests/cli/lib.sh"
CORPUS="$TMK_SOURCE/corpus"
cd "$CORPUS/.."
T=$'\t'
A=corpus/000_ae791565803d9243.txt
B=corpus/002_81d68105fabcd2d8.txt
for tool in tmk-kwic tmk-ngrams tmk-count tmk-quotes tmk-numbers tmk-entities tmk-cooc; do
  command -v "$tool" >/dev/null || fail "$tool is not on PATH (not built?)"
done

# What numbers appear near "percent": "leads Sanders 44 to 42 percent" in A, "and 71 percent
# supported Clinton" in B, nothing else.
tmk-kwic -i -t percent -w 25 corpus/ | cut -f1,4-6 >"$WORK/kwic"
check_eq "percent in context" "doc${T}left${T}match${T}right
$A${T}n leads Sanders 44 to 42 ${T}percent${T}. In the Nevada caucus en
$B${T}of its membership and 71 ${T}percent${T} supported Clinton. Howev" "$(cat "$WORK/kwic")"
check_eq "the same with a regex" "44 to 42 percent|71 percent" \
  "$(tmk-kwic -i -e '[0-9][0-9,.]*( to [0-9][0-9,.]*)? ?(percent|per cent|%)' corpus/ | cut -f5 | tail -n +2 | paste -sd'|')"

# The most frequent pairs of words, counted with grep -oi in each article: "national unions"
# 6 in A; "Bernie Sanders" 1 + 4; "American Federation" 3 + 1; "union members" 2 + 1;
# "vast majority" 3 in A.
tmk-ngrams -n 2 --stopwords corpus/ >"$WORK/bigrams"
check_eq "most frequent bigrams" "ngram${T}n${T}count${T}docs
national unions${T}2${T}6${T}1
bernie sanders${T}2${T}5${T}2
american federation${T}2${T}4${T}2
union members${T}2${T}3${T}2
vast majority${T}2${T}3${T}1" "$(head -6 "$WORK/bigrams")"
check_eq "bigrams over the corpus = merged bigrams of each article" "$(cat "$WORK/bigrams")" \
  "$(tmk-count --merge <(tmk-ngrams -n 2 --stopwords $A) <(tmk-ngrams -n 2 --stopwords $B))"

# Who is quoted most: Rand Wilson (two quotations in A) and Al Wagner (two in B), then
# In These Times (one, "noted that"); the statement's and the anonymous members' quotes have
# no named speaker.
check_eq "who is quoted most" "speaker_canonical${T}count${T}docs
Al Wagner${T}2${T}1
Rand Wilson${T}2${T}1
In These Times${T}1${T}1" "$(tmk-quotes corpus/ | awk -F'\t' 'NR == 1 || $9 != ""' | tmk-count -c speaker_canonical)"

# Numbers with a percent sign or word: 44 and 42 in A ("44 to 42 percent"), 71 in B.
check_eq "percent values" "$A${T}44
$A${T}42
$B${T}71" "$(tmk-numbers corpus/ | awk -F'\t' '$5 == "percent"' | cut -f1,6)"

# Unions and candidates in one sentence. From the text: the machinists' union (IAM) with
# Clinton in at least 3 sentences of B and with Sanders in 2; National Nurses United with
# Clinton once; the AFSCME/AFGE sentence of A names no candidate. By document, the American
# Federation of Teachers appears with Clinton in both articles.
tmk-entities corpus/ >"$WORK/entities"
candidates='^(Bernie Sanders|Hillary Clinton)$'
tmk-cooc "$WORK/entities" | awk -F'\t' -v c="$candidates" \
  'NR == 1 || ($3 == "ORG" && $4 == "PER" && $2 ~ c) || ($3 == "PER" && $4 == "ORG" && $1 ~ c)' >"$WORK/pairs"
check_eq "IAM with Clinton" "yes" "$(awk -F'\t' '/(IAM|Machinists)/ && /Hillary Clinton/ && $5 >= 3 && $6 == 1 { print "yes" }' "$WORK/pairs")"
check_eq "IAM with Sanders" "yes" "$(awk -F'\t' '/(IAM|Machinists)/ && /Bernie Sanders/ && $5 == 2 && $6 == 1 { print "yes" }' "$WORK/pairs")"
check_grep "nurses with Clinton" "^Hillary Clinton${T}National Nurses United${T}PER${T}ORG${T}1${T}1$" "$WORK/pairs"
check_eq "no candidate in the AFSCME sentence" "" "$(grep -E 'Municipal|Government Employees' "$WORK/pairs")"
check_grep "teachers with Clinton in both articles" \
  "^American Federation of Teachers${T}Hillary Clinton${T}ORG${T}PER${T}[0-9]*${T}2$" <(tmk-cooc --scope document "$WORK/entities")

done_ok
