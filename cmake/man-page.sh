#!/usr/bin/env bash
# Writes the man page of one tool from its --help (help2man): man-page.sh TOOL VERSION INCLUDE OUT.
# The NAME line is the first clause of the help's first line ("tmk VERSION - " left off).
set -euo pipefail
tool=$1 version=$2 include=$3 out=$4
name=$(basename "$tool")
summary=$("$tool" --help | head -n 1 | sed -E "s/^$name [^ ]+ - //; s/[.;:] .*//; s/[.:;]\$//")
"${HELP2MAN:-help2man}" --no-info --version-string="$version" --name="$summary" \
  --include="$include" --output="$out.help2man" "$tool"
# help2man fills the lines of the Example section into one paragraph: keep them one a line.
awk 'ex { ex = 0; if ($0 == ".IP") { print; print ".nf"; nf = 1; next } }
     /^\.SS "Examples?:"$/ { ex = 1 }
     nf && /^\.(PP|SH|SS)/ { print ".fi"; nf = 0 }
     { print }
     END { if (nf) print ".fi" }' "$out.help2man" >"$out.tmp"
rm "$out.help2man"
mv "$out.tmp" "$out"
