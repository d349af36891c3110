#!/usr/bin/env bash
# tmk-tokenize: columns, offsets, token conventions, options, bad input (CRLF, invalid
# UTF-8, NUL, empty and missing files) and the shared command-line behaviour.
source "$TMK_SOURCE/tests/cli/lib.sh"
cd "$WORK"
TAB=$'\t'

# --help documents the columns and ends with an example; usage errors exit 2.
check_status "--help" 0 tmk-tokenize --help
check_grep "--help names the columns" "Columns: doc" "$WORK/out"
check_grep "--help has an example" "Example:" "$WORK/out"
check_status "unknown option" 2 tmk-tokenize --frobnicate
check_status "unknown kind" 2 tmk-tokenize --kind word,verb
check_status "bad --jobs" 2 tmk-tokenize --jobs many

# Header and every column of a small document (rows and offsets worked out by hand).
printf "Dr. Kim's team won \$15, didn't they? Yes.\n" >basic.txt
check_status "basic" 0 tmk-tokenize basic.txt
check_eq "header and rows" "doc${TAB}sent${TAB}tok${TAB}start${TAB}end${TAB}token${TAB}norm${TAB}kind
basic.txt${TAB}1${TAB}1${TAB}0${TAB}3${TAB}Dr.${TAB}dr.${TAB}word
basic.txt${TAB}1${TAB}2${TAB}4${TAB}9${TAB}Kim's${TAB}kim's${TAB}word
basic.txt${TAB}1${TAB}3${TAB}10${TAB}14${TAB}team${TAB}team${TAB}word
basic.txt${TAB}1${TAB}4${TAB}15${TAB}18${TAB}won${TAB}won${TAB}word
basic.txt${TAB}1${TAB}5${TAB}19${TAB}20${TAB}\$${TAB}\$${TAB}symbol
basic.txt${TAB}1${TAB}6${TAB}20${TAB}22${TAB}15${TAB}15${TAB}number
basic.txt${TAB}1${TAB}7${TAB}22${TAB}23${TAB},${TAB},${TAB}punct
basic.txt${TAB}1${TAB}8${TAB}24${TAB}30${TAB}didn't${TAB}didn't${TAB}word
basic.txt${TAB}1${TAB}9${TAB}31${TAB}35${TAB}they${TAB}they${TAB}word
basic.txt${TAB}1${TAB}10${TAB}35${TAB}36${TAB}?${TAB}?${TAB}punct
basic.txt${TAB}2${TAB}1${TAB}37${TAB}40${TAB}Yes${TAB}yes${TAB}word
basic.txt${TAB}2${TAB}2${TAB}40${TAB}41${TAB}.${TAB}.${TAB}punct" "$(cat "$WORK/out")"
check_offsets "basic offsets" "$WORK/out" basic.txt 4 5 6
check_eq "--no-header" "$(sed 1d "$WORK/out")" "$(tmk-tokenize --no-header basic.txt)"

# Beyond ASCII: curly quotes and apostrophes fold to ASCII in norm, NFKC case folding.
printf '“Müller’s ＣＡＦÉ,” said the U.S. envoy at 5 p.m. 👍🏽\n' >unicode.txt
check_status "unicode" 0 tmk-tokenize --no-header unicode.txt
check_eq "unicode tokens, norms, kinds" "“${TAB}\"${TAB}punct
Müller’s${TAB}müller's${TAB}word
ＣＡＦÉ${TAB}café${TAB}word
,${TAB},${TAB}punct
”${TAB}\"${TAB}punct
said${TAB}said${TAB}word
the${TAB}the${TAB}word
U.S.${TAB}u.s.${TAB}word
envoy${TAB}envoy${TAB}word
at${TAB}at${TAB}word
5${TAB}5${TAB}number
p.m.${TAB}p.m.${TAB}word
👍🏽${TAB}👍🏽${TAB}emoji" "$(cut -f6-8 "$WORK/out")"
tmk-tokenize unicode.txt >unicode.tsv
check_offsets "unicode offsets" unicode.tsv unicode.txt 4 5 6

# URLs, e-mail, hashtags, mentions; --kind picks kinds, --no-punct drops punct and symbols.
printf 'Mail ana@example.org or see https://example.org/x?a=1. #Vote, @ana_b! 3,500 votes & 2.5%%\n' >web.txt
check_eq "--kind" "ana@example.org${TAB}email
https://example.org/x?a=1${TAB}url
#Vote${TAB}hashtag
@ana_b${TAB}mention" "$(tmk-tokenize --no-header --kind url,email,hashtag,mention web.txt | cut -f6,8)"
check_eq "--kind, one per occurrence, before two inputs" "email${TAB}web.txt
email${TAB}web.txt
url${TAB}web.txt
url${TAB}web.txt" "$(tmk-tokenize --no-header --kind url --kind=email web.txt web.txt | cut -f1,8 | awk -F'\t' '{print $2 "\t" $1}' | sort)"
check_eq "--kinds, the old name, still works" "url" "$(tmk-tokenize --no-header --kinds url web.txt | cut -f8)"
check_eq "--no-punct" "Mail ana@example.org or see https://example.org/x?a=1 #Vote @ana_b 3,500 votes 2.5" \
  "$(tmk-tokenize --no-header --no-punct web.txt | cut -f6 | paste -sd' ')"
check_eq "--no-punct keeps the numbers of tok" "1 3 1 3" \
  "$(printf 'Hi, you. Go, now!' | tmk-tokenize --no-header --no-punct | cut -f3 | paste -sd' ')"
printf 'He paid $15 and \xc2\xa320 for it, or \xe2\x82\xac3.\n' >money.txt
tmk-tokenize money.txt >money.tsv
check_eq "--no-punct: currency signs left out" "He paid 15 and 20 for it or 3" \
  "$(tmk-tokenize --no-header --no-punct money.txt | cut -f6 | paste -sd' ')"
check_eq "--no-punct rows join the full table on doc, sent, tok" "$(tmk-tokenize --no-header --no-punct money.txt)" \
  "$(tail -n +2 money.tsv | awk -F'\t' '$8 != "punct" && $8 != "symbol"')"
check_eq "--kind rows keep the numbers of tok" "3${TAB}\$${TAB}symbol" \
  "$(tmk-tokenize --no-header --kind symbol money.txt | head -1 | cut -f3,6,8)"
tmk-tokenize web.txt >web.tsv
check_offsets "web offsets" web.tsv web.txt 4 5 6
check_eq "--lower" "mail${TAB}mail" "$(tmk-tokenize --no-header --lower web.txt | head -1 | cut -f6,7)"

# CRLF text: no token holds a CR, offsets still slice back.
printf 'First line ends here.\r\nSecond line too.\r\n' >crlf.txt
tmk-tokenize crlf.txt >crlf.tsv
check_eq "CRLF tokens" "First line ends here . Second line too ." "$(cut -f6 crlf.tsv | sed 1d | paste -sd' ')"
check_offsets "CRLF offsets" crlf.tsv crlf.txt 4 5 6

# Invalid UTF-8: a warning, exit 0, U+FFFD printed as a symbol token, output valid UTF-8.
printf 'bad \xff byte.\n' >invalid.txt
check_status "invalid UTF-8" 0 tmk-tokenize invalid.txt
check_grep "invalid UTF-8 warned" "invalid.txt" "$WORK/err"
check_eq "invalid byte as U+FFFD" "bad $(printf '\xef\xbf\xbd') byte ." "$(cut -f6 "$WORK/out" | sed 1d | paste -sd' ')"
check_eq "invalid byte kind" "symbol" "$(sed -n 3p "$WORK/out" | cut -f8)"
python3 -c 'import sys; open(sys.argv[1], encoding="utf-8", errors="strict").read()' "$WORK/out" ||
  fail "output is not valid UTF-8"
check_status "--strict" 1 tmk-tokenize --strict invalid.txt basic.txt
check_grep "--strict names the file" "invalid.txt" "$WORK/err"
check_grep "--strict still processes the others" "^basic.txt${TAB}" "$WORK/out"

# A NUL byte is read as a space, with a warning.
printf 'one\0two three.\n' >nul.txt
check_status "NUL byte" 0 tmk-tokenize nul.txt
check_eq "NUL splits tokens" "one two three ." "$(cut -f6 "$WORK/out" | sed 1d | paste -sd' ')"
check_grep "NUL warned" "nul.txt" "$WORK/err"

# An empty file gives the header only.
: >empty.txt
check_status "empty file" 0 tmk-tokenize empty.txt
check_eq "empty file output" "doc${TAB}sent${TAB}tok${TAB}start${TAB}end${TAB}token${TAB}norm${TAB}kind" "$(cat "$WORK/out")"

# A missing file is reported, the others still processed, exit 1.
check_status "missing file" 1 tmk-tokenize nope.txt basic.txt
check_grep "missing file named" "^tmk-tokenize: nope.txt: " "$WORK/err"
check_grep "others processed" "^basic.txt${TAB}2${TAB}1${TAB}" "$WORK/out"

# --jobs 1 and --jobs 4 give identical output over many documents.
mkdir many
for k in $(seq 1 40); do
  printf 'Doc %s: the U.S.-based firm paid $%s,000 (3.5%%) to Ms. Lee’s team.\n\nItem %s\n' "$k" "$k" "$k" >"many/d$k.txt"
done
tmk-tokenize --jobs 1 many >jobs1.tsv
tmk-tokenize --jobs 4 many >jobs4.tsv
check_eq "--jobs 1 vs 4" "$(cat jobs1.tsv)" "$(cat jobs4.tsv)"
check_eq "rows of 40 documents" 800 "$(sed 1d jobs1.tsv | wc -l)"

# Standard input is document "-".
check_eq "stdin" "-${TAB}1${TAB}1${TAB}0${TAB}5${TAB}Hello${TAB}hello${TAB}word" \
  "$(printf 'Hello.' | tmk-tokenize --no-header | head -1)"

done_ok
