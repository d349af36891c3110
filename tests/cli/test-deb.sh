#!/usr/bin/env bash
# `cpack -G DEB` makes a Debian package of what `cmake --install` installs; it depends on
# Debian's packages of the shared libraries the tools link (dpkg-shlibdeps finds them).
source "$TMK_SOURCE/tests/cli/lib.sh"
[ "${TMK_SANITIZED:-0}" = 1 ] && { echo "skipped in the sanitizer build"; exit 77; }
command -v dpkg-shlibdeps >/dev/null || fail "dpkg-shlibdeps is missing (scripts/setup installs dpkg-dev)"
check_status "cpack -G DEB" 0 cpack -G DEB --config "$TMK_BUILD/CPackConfig.cmake" -B "$WORK/deb"
debs=("$WORK"/deb/tmk_*.deb)
[ ${#debs[@]} -eq 1 ] && [ -f "${debs[0]}" ] || fail "cpack made no tmk_*.deb: $(ls "$WORK/deb")"
deb=${debs[0]}

check_status "dpkg-deb -f" 0 dpkg-deb -f "$deb" Package Version Depends
cat "$WORK/out"
check_grep "package name" "^Package: tmk$" "$WORK/out"
check_grep "version" "^Version: $(tmk --version | head -n 1 | awk '{ print $NF }')$" "$WORK/out"
for library in 'libicu[0-9]' 'libboost-regex[0-9]' 'zlib1g' 'libstdc++6'; do
  check_grep "depends on $library" "^Depends: .*$library" "$WORK/out"
done

check_status "dpkg-deb -c" 0 dpkg-deb -c "$deb"
for file in bin/tmk bin/tmk-entities bin/tmk-train-entities share/man/man1/tmk-entities.1 \
  share/bash-completion/completions/tmk-entities share/zsh/vendor-completions/_tmk-entities \
  include/tmk/version.hpp share/doc/tmk/NOTICE; do
  check_grep "the package holds /usr/$file" " \\./usr/$file\$" "$WORK/out"
done

# The package's files work on their own, outside the build tree: unpacked (dpkg -x, as
# installing would place them under /usr, without root), every tool answers --version,
# every page is found by man, and the README's first pipeline runs on the installed tools.
check_status "dpkg -x" 0 dpkg -x "$deb" "$WORK/root"
usr=$WORK/root/usr
for tool in "$usr"/bin/tmk*; do
  check_status "installed $(basename "$tool") --version" 0 "$tool" --version
  check_status "man -w $(basename "$tool")" 0 env MANPATH="$usr/share/man" man -w "$(basename "$tool")"
  check_grep "man -w finds the installed page of $(basename "$tool")" "^$usr/share/man/man1/" "$WORK/out"
done
T=$'\t'
readme_first=$(PATH="$usr/bin:/usr/bin:/bin" bash -c "cd '$TMK_SOURCE' && tmk-entities corpus/ | tmk-count -c canonical --top 5")
check_eq "README's first pipeline: header and five rows" "6" "$(printf '%s\n' "$readme_first" | wc -l)"
check_eq "README's first pipeline: its header" "canonical${T}count${T}docs" "$(printf '%s\n' "$readme_first" | head -n 1)"
done_ok
