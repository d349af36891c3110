#!/usr/bin/env bash
# Writes the man page of one tool from its --help (help2man): man-page.sh TOOL VERSION INCLUDE OUT.
# The NAME line is the first clause of the help's first line ("tmk VERSION - " left off).
set -euo pipefail
tool=$1 version=$2 include=$3 out=$4
name=$(basename "$tool")
summary=$("$tool" --help | head -n 1 | sed -E "s/^$name [^ ]+ - //; s/[.;:] .*//; s/[.:;]\$//")
"${HELP2MAN:-help2man}" --no-info --version-string="$version" --name="$summary" \
  --include="$include" --output="$out.tmp" "$tool"
mv "$out.tmp" "$out"
