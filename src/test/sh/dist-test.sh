#!/bin/sh
# The distribution archive as a user gets it (README "Install"): unpacked in a fresh directory, run from
# another directory, by its path and through symlinks (absolute, relative, a chain of two), and the repo's
# bin/poolscope through a symlink too. Run by `mvn verify` (pom.xml, dist-test) with the tar.gz and the
# version. Exits non-zero with a message at the first thing that does not hold.
set -eu
archive=$1
version=$2
repo=$(CDPATH= cd -- "$(dirname -- "$0")/../../.." && pwd -P)
sample="$repo/samples/leaky-routers.jsonl"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/poolscope-dist.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

fail() {
    echo "dist-test: FAILED: $*" >&2
    exit 1
}

[ -f "$archive" ] || fail "no archive $archive (mvn package builds it)"
mkdir "$tmp/opt" "$tmp/bin" "$tmp/elsewhere"
tar -xzf "$archive" -C "$tmp/opt"
home="$tmp/opt/poolscope-$version"
for f in bin/poolscope lib/poolscope.jar completion/poolscope.bash completion/poolscope.zsh docs/robustness.md \
        README.md LICENSE; do
    [ -f "$home/$f" ] || fail "the archive has no $f"
done
[ -x "$home/bin/poolscope" ] || fail "bin/poolscope is not executable in the archive"
[ ! -e "$home/lib/poolscope.jsa" ] || fail "the archive holds a class-data archive, valid only where it was built"

# runs poolscope by $1 from another directory; checks the exit code and the first line of the summary
check_run() {
    how=$1
    out=$(cd "$tmp/elsewhere" && "$how" --version) || fail "$how --version exited $?"
    case $out in
        "poolscope $version (commit "*")") ;;
        *) fail "$how --version printed: $out" ;;
    esac
    first=$(cd "$tmp/elsewhere" && "$how" analyze --quiet "$sample" | head -n 1)
    [ "$first" = "getconn: 414, putconn: 334, LEAK: 80   verdict: CRITICAL" ] \
        || fail "$how analyze printed: $first"
}

check_run "$home/bin/poolscope"
ln -s "$home/bin/poolscope" "$tmp/bin/poolscope"                  # absolute symlink, as into /usr/local/bin
check_run "$tmp/bin/poolscope"
ln -s ../opt/"poolscope-$version"/bin/poolscope "$tmp/bin/relative"  # relative symlink
ln -s relative "$tmp/bin/chained"                                  # a symlink to a symlink
check_run "$tmp/bin/chained"
out=$(cd "$tmp/elsewhere" && PATH="$tmp/bin:$PATH" poolscope --version) || fail "poolscope on PATH failed"
echo "dist-test: $out"

# shell completion: installed from the archive, and the same script from the command
(cd "$tmp/elsewhere" && "$tmp/bin/poolscope" completion bash) | cmp -s - "$home/completion/poolscope.bash" \
    || fail "poolscope completion bash differs from completion/poolscope.bash"
grep -q "complete -F _complete_poolscope" "$home/completion/poolscope.bash" || fail "no bash complete line"
if command -v bash >/dev/null 2>&1; then
    words=$(bash -c '. "$1"; COMP_WORDS=(poolscope an); COMP_CWORD=1; COMP_LINE="poolscope an"; COMP_POINT=12;
        _complete_poolscope; echo "${COMPREPLY[*]}"' bash "$home/completion/poolscope.bash" 2>&1) \
        || fail "the bash completion script does not load: $words"
    [ "$words" = "analyze" ] || fail "bash completion of 'poolscope an' gave: $words"
fi

# the class-data archive is made on first use, in the background, and later runs use it
i=0
while [ ! -f "$home/lib/poolscope.jsa.java" ] && [ $i -lt 60 ]; do
    sleep 1
    i=$((i + 1))
done
[ -f "$home/lib/poolscope.jsa" ] || fail "no class-data archive made in lib/ after ${i}s"
check_run "$tmp/bin/chained"

# the repo's launcher through a symlink, from elsewhere
ln -s "$repo/bin/poolscope" "$tmp/bin/repo"
check_run "$tmp/bin/repo"

# the zip holds the same files, the launcher still executable
if command -v unzip >/dev/null 2>&1; then
    zip="${archive%.tar.gz}.zip"
    mkdir "$tmp/zip"
    unzip -q "$zip" -d "$tmp/zip"
    [ -x "$tmp/zip/poolscope-$version/bin/poolscope" ] || fail "bin/poolscope is not executable in the zip"
    (cd "$tmp/opt/poolscope-$version" && find . -type f ! -name 'poolscope.jsa*' | sort) > "$tmp/tar.list"
    (cd "$tmp/zip/poolscope-$version" && find . -type f | sort) > "$tmp/zip.list"
    cmp -s "$tmp/tar.list" "$tmp/zip.list" || fail "the zip and the tar.gz hold different files"
fi
echo "dist-test: passed ($(basename "$archive"), $(wc -c < "$archive") bytes)"
