#!/usr/bin/env bash
# tmk-ngrams: counts and rows, sentence and punctuation boundaries, stop words,
# --from-tokens agreeing with documents, jobs, bad input. Expected n-grams worked out by hand.
source "$TMK_SOURCE/tests/cli/lib.sh"
cd "$WORK"
T=$'\t'

printf 'Cold rain fell on the old town. The old town slept.\n\nCold rain again!\n' >town.txt
printf 'Warm wind, cold rain.\n' >wind.txt

check_status "bigrams" 0 tmk-ngrams -n 2 town.txt
check_eq "bigram counts: none across sentences or punctuation" "ngram${T}n${T}count${T}docs
cold rain${T}2${T}2${T}1
old town${T}2${T}2${T}1
the old${T}2${T}2${T}1
fell on${T}2${T}1${T}1
on the${T}2${T}1${T}1
rain again${T}2${T}1${T}1
rain fell${T}2${T}1${T}1
town slept${T}2${T}1${T}1" "$(cat out)"

check_eq "stop words drop the n-grams holding one" "cold rain${T}2${T}2${T}1
old town${T}2${T}2${T}1
rain fell${T}2${T}1${T}1
town slept${T}2${T}1${T}1" "$(tmk-ngrams -n 2 --stopwords --no-header town.txt)"

check_eq "sizes 1-3, docs over two files, --top, ties by key bytes" "cold${T}1${T}3${T}2
cold rain${T}2${T}3${T}2
rain${T}1${T}3${T}2" "$(tmk-ngrams -n 1-3 --top 3 --no-header town.txt wind.txt)"
check_eq "trigrams" "the old town${T}3${T}2${T}1" "$(tmk-ngrams -n 3 --min 2 --no-header town.txt)"
check_eq "--over token keeps case" "Cold rain${T}2${T}2${T}1" "$(tmk-ngrams -n 2 --over token --no-header --top 1 town.txt)"

check_status "rows" 0 tmk-ngrams -n 2 --rows town.txt
check_eq "rows header and first row" "doc${T}sent${T}start${T}end${T}n${T}ngram
town.txt${T}1${T}0${T}9${T}2${T}cold rain" "$(head -2 out)"
check_eq "rows carry the sentence" "town.txt${T}3${T}58${T}68${T}2${T}rain again" "$(tail -1 out)"
tmk-ngrams -n 1 --over token --rows town.txt >unigrams.tsv
check_offsets "unigram offsets slice back to the token" unigrams.tsv town.txt 3 4 6

# --from-tokens reads tmk-tokenize output and gives the same n-grams as the documents.
tmk-tokenize town.txt wind.txt >tokens.tsv
check_eq "from tokens: counts" "$(tmk-ngrams -n 1-3 --stopwords town.txt wind.txt)" \
  "$(tmk-ngrams -n 1-3 --stopwords --from-tokens tokens.tsv)"
check_eq "from tokens: rows" "$(tmk-ngrams -n 2 --rows town.txt wind.txt)" "$(tmk-ngrams -n 2 --rows --from-tokens <tokens.tsv)"

# Counts merge with tmk-count --merge; jobs do not change the output.
tmk-ngrams -n 1-2 town.txt >town.counts
tmk-ngrams -n 1-2 wind.txt >wind.counts
check_eq "merge of per-file counts" "$(tmk-ngrams -n 1-2 town.txt wind.txt)" "$(tmk-count --merge town.counts wind.counts)"
for i in 1 2 3 4 5 6 7 8; do cp town.txt "t$i.txt"; cp wind.txt "w$i.txt"; done
check_eq "jobs 1 = jobs 4 (counts)" "$(tmk-ngrams -n 1-3 -j 1 t*.txt w*.txt)" "$(tmk-ngrams -n 1-3 -j 4 t*.txt w*.txt)"
check_eq "jobs 1 = jobs 4 (rows)" "$(tmk-ngrams --rows -j 1 t*.txt w*.txt)" "$(tmk-ngrams --rows -j 4 t*.txt w*.txt)"

check_status "--help" 0 tmk-ngrams --help
check_grep "--help example" "Example:" out
check_status "n 0" 2 tmk-ngrams -n 0 town.txt
check_status "n 3-1" 2 tmk-ngrams -n 3-1 town.txt
check_status "bad --over" 2 tmk-ngrams --over lemma town.txt
check_status "from tokens without norm" 1 tmk-ngrams --from-tokens town.counts tokens.tsv
check_grep "missing column named" "town.counts: no column named" err
check_status "missing file" 1 tmk-ngrams -n 2 missing.txt town.txt
check_grep "missing file named" "^tmk-ngrams: missing.txt: " err
check_grep "other file still read" "^old town${T}2${T}2${T}1$" out
: >empty.txt
check_status "empty document" 0 tmk-ngrams empty.txt
check_eq "empty document: header only" "ngram${T}n${T}count${T}docs" "$(cat out)"
check_status "empty token table" 0 tmk-ngrams --from-tokens empty.txt
# A currency sign is not a word: it is left out and separates, like punctuation, both from
# documents and from tmk-tokenize output.
printf 'He paid $15 and \xc2\xa320 for it.\n' >money.txt
check_eq "currency signs are not words" "15 20 and for he it paid" \
  "$(tmk-ngrams --no-header money.txt | cut -f1 | LC_ALL=C sort | paste -sd' ')"
check_eq "currency signs separate" "15 and|20 for|for it|he paid" \
  "$(tmk-ngrams -n 2 --no-header money.txt | cut -f1 | paste -sd'|')"
check_eq "from tokens: the same" "$(tmk-ngrams -n 1-2 money.txt)" \
  "$(tmk-tokenize money.txt | tmk-ngrams --from-tokens -n 1-2)"
done_ok
