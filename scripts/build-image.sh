#!/usr/bin/env bash
# Builds the chatlens container image (Containerfile) with Debian's podman, from what the other
# scripts built: build/release/cli/chatlens (the release preset) and web/dist (scripts/build-web.sh).
#
#   1. the Debian 12 base of the image's first stage: a minimal root filesystem made by mmdebstrap
#      with the runtime libraries' packages, from the machine's own apt sources, imported into
#      podman (no registry serves base images here); made once, again only when its package list
#      changes;
#   2. the build context in build/image/context (the binary, web/dist, LICENSE, NOTICE);
#   3. podman build --isolation chroot --format docker (docker format keeps the HEALTHCHECK).
#
# Usage: scripts/build-image.sh [TAG]      (default tag: chatlens:dev; prints the image's size)
# Environment: CHATLENS_BUILD_PREFIX (default build/), CHATLENS_WEB_DIST (default web/dist),
#              VITE_SOURCE_URL (the image's source label)
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$repo"
tag=${1:-chatlens:dev}
prefix=${CHATLENS_BUILD_PREFIX:-build/}
binary=${prefix}release/cli/chatlens
work=${prefix}image
web=${CHATLENS_WEB_DIST:-web/dist}

die() {
  echo "build-image: error: $*" >&2
  exit 1
}
[[ -x $binary ]] || die "$binary is missing: build the release preset first (cmake --preset release && cmake --build build/release)"
[[ -f $web/index.html ]] || die "$web is missing: run scripts/build-web.sh first"
command -v podman >/dev/null && command -v mmdebstrap >/dev/null || die "podman and mmdebstrap are needed (scripts/install-deps.sh)"

# 1. The base: Debian 12 minbase plus the packages of the libraries chatlens loads.
packages=(libpq5 libsqlite3-0 libzip4 libutf8proc2 libsimdjson14 libcpp-httplib0.11 zlib1g libstdc++6 ca-certificates)
base_id=$(printf '%s\n' bookworm minbase "${packages[@]}" | sha256sum | cut -c1-16)
base=localhost/chatlens-debian12:$base_id
mkdir -p "$work"
if ! podman image exists "$base"; then
  sources=()
  for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list /etc/apt/sources.list.d/*.sources; do
    [[ -s $f ]] && sources+=("$f")
  done
  [[ ${#sources[@]} -gt 0 ]] || die "no apt sources in /etc/apt to build the Debian base from"
  echo "build-image: making the Debian 12 base ($base) with mmdebstrap"
  rm -f "$work/debian12.tar"
  mmdebstrap --quiet --variant=minbase --include="$(IFS=,; echo "${packages[*]}")" \
    bookworm "$work/debian12.tar" "${sources[@]}"
  podman import --quiet "$work/debian12.tar" "$base" >/dev/null
  rm -f "$work/debian12.tar"
fi

# 2. The build context: only what the image holds.
context=$work/context
rm -rf "$context"
mkdir -p "$context"
cp "$binary" "$context/chatlens"
cp -r "$web" "$context/web"
cp LICENSE NOTICE "$context/"

# 3. The image.
podman build --quiet --isolation chroot --format docker --build-arg "DEBIAN12=$base" \
  --build-arg "SOURCE_URL=${VITE_SOURCE_URL:-}" -f Containerfile -t "$tag" "$context" >/dev/null
size=$(podman image inspect --format '{{.Size}}' "$tag")
echo "build-image: $tag built, $((size / 1024 / 1024)) MiB ($size bytes)"
