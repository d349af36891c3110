#!/usr/bin/env bash
# tmk-cooc: pairs per sentence, window and document; graph formats; bad input.
# Expected outputs were worked out by hand from tests/data/corp-entities.tsv.
source "$TMK_SOURCE/tests/cli/lib.sh"
cd "$WORK"
ENT="$TMK_SOURCE/tests/data/corp-entities.tsv"
T=$'\t'

check_status "sentence scope" 0 tmk-cooc "$ENT"
check_eq "sentence scope pairs" "a${T}b${T}type_a${T}type_b${T}count${T}docs
Dayton${T}Maria Lopez${T}LOC${T}PER${T}2${T}2
Dayton${T}Teachers\\tLocal${T}LOC${T}ORG${T}1${T}1
Harbor Workers Union${T}Maria Lopez${T}ORG${T}PER${T}1${T}1
Harbor Workers Union${T}Tom Reyes${T}ORG${T}PER${T}1${T}1
Teachers\\tLocal${T}Tom Reyes${T}ORG${T}PER${T}1${T}1" "$(cat out)"

check_eq "document scope" "Dayton${T}Tom Reyes${T}LOC${T}PER${T}3${T}3
Dayton${T}Harbor Workers Union${T}LOC${T}ORG${T}2${T}2
Dayton${T}Maria Lopez${T}LOC${T}PER${T}2${T}2
Dayton${T}Teachers\\tLocal${T}LOC${T}ORG${T}2${T}2
Harbor Workers Union${T}Tom Reyes${T}ORG${T}PER${T}2${T}2
Maria Lopez${T}Tom Reyes${T}PER${T}PER${T}2${T}2
Teachers\\tLocal${T}Tom Reyes${T}ORG${T}PER${T}2${T}2
Harbor Workers Union${T}Maria Lopez${T}ORG${T}PER${T}1${T}1
Harbor Workers Union${T}Teachers\\tLocal${T}ORG${T}ORG${T}1${T}1
Maria Lopez${T}Teachers\\tLocal${T}PER${T}ORG${T}1${T}1" "$(tmk-cooc --scope document --no-header "$ENT")"

check_eq "window of 2 sentences" "Dayton${T}Maria Lopez${T}LOC${T}PER${T}3${T}2
Dayton${T}Teachers\\tLocal${T}LOC${T}ORG${T}2${T}2
Harbor Workers Union${T}Maria Lopez${T}ORG${T}PER${T}2${T}1" "$(tmk-cooc --window 2 --top 3 --no-header "$ENT")"
check_eq "window 1 is sentence" "$(tmk-cooc "$ENT")" "$(tmk-cooc --window 1 "$ENT")"
check_eq "--min" "7" "$(tmk-cooc --scope document --min 2 --no-header "$ENT" | wc -l)"

check_status "gexf" 0 tmk-cooc --format gexf --top 1 "$ENT"
cp out graph.gexf
check_status "gexf is well-formed XML" 0 python3 -c 'import sys, xml.etree.ElementTree as E; E.parse(sys.argv[1])' graph.gexf
check_grep "gexf node" '<node id="n0" label="Dayton"><attvalues><attvalue for="type" value="LOC"/>' graph.gexf
check_grep "gexf edge" '<edge id="e0" source="n0" target="n1" weight="2"><attvalues><attvalue for="docs" value="2"/>' graph.gexf
check_status "graphml" 0 tmk-cooc --format graphml "$ENT"
cp out graph.graphml
check_status "graphml is well-formed XML" 0 python3 -c 'import sys, xml.etree.ElementTree as E; E.parse(sys.argv[1])' graph.graphml
check_grep "graphml unescapes the TSV field" '<data key="label">Teachers&#9;Local</data>' graph.graphml
check_eq "graphml: 5 nodes, 5 edges" "5 5" "$(grep -c '<node ' graph.graphml) $(grep -c '<edge ' graph.graphml)"

head -6 "$ENT" >part1.tsv
{ head -1 "$ENT"; tail -n +7 "$ENT"; } >part2.tsv
check_eq "jobs 1 = jobs 4" "$(tmk-cooc -j 1 part1.tsv part2.tsv)" "$(tmk-cooc -j 4 part1.tsv part2.tsv)"
check_eq "parts = whole" "$(tmk-cooc "$ENT")" "$(tmk-cooc part1.tsv part2.tsv)"
check_eq "stdin" "$(tmk-cooc "$ENT")" "$(tmk-cooc <"$ENT")"

check_status "--help" 0 tmk-cooc --help
check_grep "--help example" "Example:" out
check_status "bad format" 2 tmk-cooc --format dot "$ENT"
check_status "window and scope" 2 tmk-cooc --window 2 --scope document "$ENT"
check_status "window 0" 2 tmk-cooc --window 0 "$ENT"
printf 'doc\tsent\ttype\ttext\nd\t1\tPER\tAnn\n' >no-canonical.tsv
check_status "missing column" 1 tmk-cooc no-canonical.tsv part1.tsv
check_grep "missing column named" "no-canonical.tsv: no column named 'canonical'" err
check_grep "other input still read" "Harbor Workers Union${T}Maria Lopez" out
printf 'doc\tsent\ttype\tcanonical\nd\tone\tPER\tAnn\n' >bad-sent.tsv
check_status "bad sentence number" 1 tmk-cooc bad-sent.tsv
check_grep "bad sentence number named" "bad-sent.tsv: line 2: sent is not a number" err
check_status "missing file" 1 tmk-cooc missing.tsv
: >empty.tsv
check_status "empty input" 0 tmk-cooc empty.tsv
check_eq "empty input: header only" "a${T}b${T}type_a${T}type_b${T}count${T}docs" "$(cat out)"
done_ok
