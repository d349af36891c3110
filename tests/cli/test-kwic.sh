#!/usr/bin/env bash
# tmk-kwic: regex and token-sequence matches, whole words, case, context width in
# characters, offsets, jobs, bad input. Expected rows worked out by hand.
source "$TMK_SOURCE/tests/cli/lib.sh"
cd "$WORK"
T=$'\t'

printf 'Prices rose 5 percent in May; percentages fell.\nIn June, PERCENT rose\tagain.\n' >k.txt
printf '\xc3\x96konomie: \xc3\x96l kostet 5 \xe2\x82\xac.\n' >u.txt

check_status "regex" 0 tmk-kwic -e percent -w 10 k.txt
check_eq "whole words, case-sensitive" "doc${T}start${T}end${T}left${T}match${T}right${T}sent
k.txt${T}14${T}21${T}es rose 5 ${T}percent${T} in May; p${T}1" "$(cat out)"
check_status "ignore case" 0 tmk-kwic -i -e percent -w 10 k.txt
check_eq "second match: line break and tab in context shown as spaces" \
  "k.txt${T}57${T}64${T} In June, ${T}PERCENT${T} rose agai${T}2" "$(tail -1 out)"
check_offsets "regex offsets" out k.txt 2 3 5
check_eq "--partial also matches inside words" "14 30 57" "$(tmk-kwic -i --partial -e percent --no-header k.txt | cut -f2 | paste -sd' ')"
check_eq "a non-word edge needs no boundary" "12${T}14" "$(tmk-kwic -e '\d+ ' --no-header k.txt | cut -f2,3)"
check_eq "regex classes" "May${T}June" "$(tmk-kwic -e '\p{Lu}\w{2,}' --no-header k.txt | cut -f5 | grep -v Prices | grep -v PERCENT | paste -sd"$T")"

check_status "token sequence" 0 tmk-kwic -t 'rose 5 percent' -w 3 k.txt
check_eq "token sequence row" "k.txt${T}7${T}21${T}es ${T}rose 5 percent${T} in${T}1" "$(tail -1 out)"
check_eq "token sequence: case unless -i" "1 2" "$(tmk-kwic -t percent --no-header k.txt | wc -l) $(tmk-kwic -i -t percent --no-header k.txt | wc -l)"

check_eq "width counts characters, not bytes" "u.txt${T}11${T}14${T}e: ${T}Öl${T} ko${T}1" "$(tmk-kwic -e 'Öl' -w 3 --no-header u.txt)"
check_eq "case folding beyond ASCII" "11" "$(tmk-kwic -i -e 'öl' --no-header u.txt | cut -f2)"
check_eq "symbol match, a line break at the end" "u.txt${T}24${T}27${T}5 ${T}€${T}. ${T}1" "$(tmk-kwic -e '€' -w 2 --no-header u.txt)"

for i in 1 2 3 4 5 6; do cp k.txt "k$i.txt"; cp u.txt "u$i.txt"; done
check_eq "jobs 1 = jobs 4" "$(tmk-kwic -i -e 'percent|öl' -j 1 k?.txt u?.txt)" "$(tmk-kwic -i -e 'percent|öl' -j 4 k?.txt u?.txt)"
check_eq "lines input" "k.txt:2${T}9${T}16" "$(tmk-kwic --input lines -e PERCENT --no-header k.txt | cut -f1-3)"

check_status "--help" 0 tmk-kwic --help
check_grep "--help example" "Example:" out
check_status "no pattern" 2 tmk-kwic k.txt
check_status "pattern and tokens" 2 tmk-kwic -e a -t b k.txt
check_status "bad regex" 2 tmk-kwic -e '(open' k.txt
check_grep "bad regex message" "^tmk-kwic: bad pattern" err
check_status "missing file" 1 tmk-kwic -e percent missing.txt k.txt
check_grep "missing file named" "^tmk-kwic: missing.txt: " err
check_grep "other file still read" "percent" out
: >empty.txt
check_status "empty document" 0 tmk-kwic -e x empty.txt
check_eq "empty document: header only" "doc${T}start${T}end${T}left${T}match${T}right${T}sent" "$(cat out)"

# sent is the sentence where the match starts, as tmk-tokenize and tmk-sentences number them:
# regex and token matches join the token table on doc, sent and start.
printf 'One cent here. Two.\n\nThree: 5 percent; and percent again.\n' >s.txt
tmk-tokenize --no-header s.txt | cut -f1,2,4 | sort >s.tokens
for how in "-e percent" "-t percent" "-e [0-9]+"; do
  tmk-kwic $how --no-header s.txt | awk -F'\t' -v OFS='\t' '{ print $1, $7, $2 }' | sort >s.kwic
  check_eq "$how: sent joins the token table" "$(cat s.kwic)" "$(comm -12 s.kwic s.tokens)"
done
check_eq "sent of each match" "3 3" "$(tmk-kwic -e percent --no-header s.txt | cut -f7 | paste -sd' ')"
done_ok
