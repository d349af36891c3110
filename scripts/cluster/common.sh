# Shared by slurm-extract and parallel-extract (sourced): the shard plan, the options every
# shard runs with, which shards are complete, and the merge of the shard directories.
# A shard is complete when OUT/shards/SHARD/manifest.json exists: tmk-extract writes it
# last, so a killed task leaves none and the shard is run again.
# The sourcing script sets `program` (its name, for messages).
# shellcheck shell=bash disable=SC2154

die() {
  echo "$program: $*" >&2
  exit 1
}
usage_error() {
  echo "$program: $* (see --help)" >&2
  exit 2
}

# plan_shards PLAN: sets the array `shards` to the plan's shard names, in order.
plan_shards() {
  [ -d "$1" ] || die "$1: no such plan directory (make it with scripts/cluster/make-shards)"
  local args
  shards=()
  for args in "$1"/shard-[0-9][0-9][0-9][0-9].args; do
    [ -e "$args" ] || die "$1: no shard-NNNN.args in it (make it with scripts/cluster/make-shards)"
    args=${args##*/}
    shards+=("${args%.args}")
  done
}

# check_extract_options OPTION...: refuses the options the scripts set themselves.
check_extract_options() {
  local option
  for option in "$@"; do
    case $option in
      -o | --output-dir | --output-dir=*) usage_error "leave out $option: the shards go to OUT/shards" ;;
      -j | --jobs | --jobs=* | -j[0-9]*) usage_error "leave out $option: give the cores per shard with --cpus" ;;
      --files-from | --files-from=* | --lines | --lines=*) usage_error "leave out $option: the plan selects each shard's documents" ;;
    esac
  done
}

# record_options OUT OPTION...: writes the tmk-extract options into OUT/extract.options (one
# per line); a rerun must give the same ones, as every shard of a merge must.
record_options() {
  local out=$1 recorded=$1/extract.options
  shift
  mkdir -p "$out/shards" "$out/logs"
  if [ -e "$recorded" ]; then
    [ "$(cat "$recorded")" = "$(printf '%s\n' "$@")" ] ||
      die "$out was started with other tmk-extract options (see $recorded); give the same or a new OUT"
  else
    printf '%s\n' "$@" >"$recorded"
  fi
}

# pending_shards OUT: sets the array `pending` to the shards of `shards` that are not complete.
pending_shards() {
  local shard
  pending=()
  for shard in "${shards[@]}"; do
    [ -e "$1/shards/$shard/manifest.json" ] || pending+=("$shard")
  done
}

# merge_command OUT: sets the array `merge` to the tmk-merge call over every shard of the
# plan in order (named one by one, so a shard that never started is reported missing).
merge_command() {
  local shard
  merge=(tmk-merge)
  for shard in "${shards[@]}"; do merge+=("$1/shards/$shard"); done
  merge+=(-o "$1/merged")
}
