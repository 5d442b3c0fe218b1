#!/usr/bin/env bash
# Obtains the SOURCES of simdjson and utf8proc for the WebAssembly build from
# Debian's source packages (`apt-get source`), the same versions as the
# installed -dev packages, so native and WebAssembly builds parse alike.
#
# apt runs with a private configuration under build/deps/apt: its own sources
# list (deb-src entries derived at run time from this machine's apt sources, so
# no host name is written into the repository), its own lists/cache/state. It
# never touches /etc/apt or the system's package lists.
#
# Result: build/deps/simdjson (singleheader/simdjson.{cpp,h}) and
#         build/deps/utf8proc (utf8proc.{c,h}, utf8proc_data.c).
# Idempotent: does nothing when both are already there.
#
# Usage: scripts/fetch-wasm-deps.sh [DEPS_DIR]   (default: <repo>/build/deps)
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
deps=${1:-$repo/build/deps}

die() {
  echo "fetch-wasm-deps: error: $*" >&2
  exit 1
}

have_simdjson() { [[ -f $deps/simdjson/singleheader/simdjson.cpp && -f $deps/simdjson/singleheader/simdjson.h ]]; }
have_utf8proc() { [[ -f $deps/utf8proc/utf8proc.c && -f $deps/utf8proc/utf8proc.h && -f $deps/utf8proc/utf8proc_data.c ]]; }

if have_simdjson && have_utf8proc; then
  echo "fetch-wasm-deps: sources already in $deps"
  exit 0
fi

command -v apt-get >/dev/null || die "apt-get not found: this script needs a Debian system"
command -v dpkg-source >/dev/null || die "dpkg-source not found: install dpkg-dev (scripts/install-deps.sh does)"

# Source package and version: those of the installed -dev package when there
# is one (native and wasm then build the same code), else the versions the
# project was written against (Debian 12).
source_of() { # dev-package fallback-source fallback-version -> "source=version"
  local src ver
  if src=$(dpkg-query -W -f='${source:Package} ${source:Version} ${db:Status-Abbrev}' "$1" 2>/dev/null) &&
    [[ $src == *" ii"* ]]; then
    read -r src ver _ <<<"$src"
    echo "$src=$ver"
  else
    echo "$2=$3"
  fi
}
want_simdjson=$(source_of libsimdjson-dev simdjson 3.0.1-1)
want_utf8proc=$(source_of libutf8proc-dev utf8proc 2.8.0-1)

apt_dir=$deps/apt
mkdir -p "$apt_dir"/{sources.list.d,lists/partial,cache/archives/partial,state,work}

# deb-src entries derived from the machine's own sources: deb822 files (Types:
# deb -> deb-src) and one-line lists (deb -> deb-src). Disabled files
# (*.disabled, *.save...) are not sources apt reads, so neither do we.
derive_sources() {
  local f
  shopt -s nullglob
  for f in /etc/apt/sources.list.d/*.sources; do
    # One stanza per paragraph; only its Types line changes.
    awk '/^[Tt]ypes:/ { if ($0 ~ /[[:space:]]deb([[:space:]]|$)|deb-src/) print "Types: deb-src"; else print; next } { print }' "$f"
    echo
  done >"$apt_dir/sources.list.d/derived.sources"
  for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
    [[ -f $f ]] || continue
    sed -n -E 's/^[[:space:]]*deb(-src)?([[:space:]])/deb-src\2/p' "$f"
  done | sort -u >"$apt_dir/sources.list"
  shopt -u nullglob
}
derive_sources
if ! grep -qs 'deb-src' "$apt_dir/sources.list" "$apt_dir/sources.list.d/derived.sources"; then
  die "no apt sources found in /etc/apt/sources.list or /etc/apt/sources.list.d/*.sources to derive deb-src entries from"
fi

# The host's apt.conf.d still applies (proxies, validity settings); the hooks it
# runs after `apt-get update` refresh system caches, which is not ours to do.
# As root, apt would hand downloads to the _apt user, who cannot write here.
cat >"$apt_dir/apt.conf" <<EOF
#clear APT::Update::Post-Invoke-Success;
#clear APT::Update::Post-Invoke;
APT::Sandbox::User "$(id -un)";
EOF

apt_private=(
  -c "$apt_dir/apt.conf"
  -o "Dir::Etc::SourceList=$apt_dir/sources.list"
  -o "Dir::Etc::SourceParts=$apt_dir/sources.list.d"
  -o "Dir::State=$apt_dir/state"
  -o "Dir::State::Lists=$apt_dir/lists"
  -o "Dir::Cache=$apt_dir/cache"
  -o "Dir::Cache::Archives=$apt_dir/cache/archives"
)

echo "fetch-wasm-deps: updating the private source index in $apt_dir"
# A source without deb-src indexes (some third-party repositories) makes update
# fail as a whole although Debian's indexes arrived: warn, and let `apt-get
# source` below tell whether what we need is there.
if ! apt-get "${apt_private[@]}" -q update >"$apt_dir/update.log" 2>&1; then
  echo "fetch-wasm-deps: warning: apt-get update reported errors (full log: $apt_dir/update.log):" >&2
  grep -E '^(Err|E:|W:)' "$apt_dir/update.log" >&2 || true
fi

fetch() { # name source=version
  local name=$1 want=$2 work=$apt_dir/work/$1
  rm -rf "$work" "${deps:?}/$name"
  mkdir -p "$work"
  echo "fetch-wasm-deps: apt-get source $want"
  if ! (cd "$work" && apt-get "${apt_private[@]}" -q source "$want") >"$work.log" 2>&1; then
    cat "$work.log" >&2
    die "apt-get source $want failed (see above; index update log: $apt_dir/update.log). Is the network" \
      "reachable, and is that version still in the archive of this machine's apt sources?"
  fi
  local unpacked
  unpacked=$(find "$work" -mindepth 1 -maxdepth 1 -type d | head -n 1)
  [[ -n $unpacked ]] || die "apt-get source $want unpacked nothing (is dpkg-dev installed?)"
  mv "$unpacked" "$deps/$name"
  rm -rf "$work"
}

have_simdjson || fetch simdjson "$want_simdjson"
have_utf8proc || fetch utf8proc "$want_utf8proc"

have_simdjson || die "$deps/simdjson lacks singleheader/simdjson.cpp or .h"
have_utf8proc || die "$deps/utf8proc lacks utf8proc.c, utf8proc.h or utf8proc_data.c"
echo "fetch-wasm-deps: simdjson ($want_simdjson) and utf8proc ($want_utf8proc) sources in $deps"
