#!/usr/bin/env bash
# Installs what building and testing chatlens needs on Debian 12, and only what
# is missing: a machine that already has everything runs no apt-get at all.
# Runs as root in CI; uses sudo otherwise.
set -euo pipefail

# Native toolchain and libraries, GoogleTest/Benchmark, Emscripten for the
# WebAssembly build, dpkg-dev for `apt-get source` (scripts/fetch-wasm-deps.sh),
# unicode-data (Unicode's data files), zip (tests build small zip files).
# find_package(libzip) needs zipcmp, zipmerge and ziptool installed too.
packages=(
  cmake ninja-build g++ clang libclang-rt-14-dev pkg-config
  libsimdjson-dev libutf8proc-dev libzip-dev zipcmp zipmerge ziptool
  libgtest-dev googletest libbenchmark-dev
  emscripten dpkg-dev unicode-data zip
  # scripts/fuzz.sh makes its seeds with tests/fuzz/make_seeds.py.
  python3
  # chatlens serve (server/): HTTP, SQLite, PostgreSQL's client library, zlib.
  libcpp-httplib-dev libsqlite3-dev libpq-dev zlib1g-dev
  # The service's tests run a throw-away PostgreSQL 15; its benchmark uses wrk.
  postgresql-15 wrk
  # The web app's end-to-end tests drive Debian's Chromium; emoji must render.
  chromium fonts-noto-color-emoji
  # The deployment's tests (scripts/test-deploy.sh): the container image (podman, its Debian 12
  # base made by mmdebstrap) and the high-availability topology behind nginx; curl for both.
  podman mmdebstrap nginx curl
)

is_installed() {
  [[ $(dpkg-query -W -f='${db:Status-Abbrev}' "$1" 2>/dev/null) == ii* ]]
}

missing=()
for p in "${packages[@]}"; do
  is_installed "$p" || missing+=("$p")
done
# Node.js and npm may come from elsewhere than Debian (a newer Node with its own
# npm): keep whatever is there, install Debian's only when the command is absent.
command -v node >/dev/null || is_installed nodejs || missing+=(nodejs)
command -v npm >/dev/null || is_installed npm || missing+=(npm)

# The web app's build (Vite 8, scripts/build-web.sh) needs Node.js ^20.19 or >= 22.12;
# Debian 12's nodejs is 18. Only a warning: the native build and its tests do not need it.
check_node() {
  command -v node >/dev/null || return 0
  node -e '
    const [maj, min] = process.versions.node.split(".").map(Number);
    process.exit((maj === 20 && min >= 19) || (maj === 22 && min >= 12) || maj > 22 ? 0 : 1)' && return 0
  echo "install-deps: warning: Node.js $(node --version) is too old for the web app's build (needs 20.19 or" \
    "newer): install a newer Node.js with its npm; the native build and its tests do not need it" >&2
}

if [[ ${#missing[@]} -eq 0 ]]; then
  echo "install-deps: everything is installed"
  check_node
  exit 0
fi

if [[ $(id -u) -eq 0 ]]; then
  sudo=()
elif command -v sudo >/dev/null; then
  sudo=(sudo)
else
  echo "install-deps: error: missing ${missing[*]}, and not root and no sudo to install them" >&2
  exit 1
fi

echo "install-deps: installing ${missing[*]}"
# env: sudo would drop an exported variable; no questions asked in CI.
"${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q
"${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
check_node
