#!/usr/bin/env bash
# Installs every Debian package that building and testing zen needs. Idempotent; run as root.
set -euo pipefail
pkgs=(build-essential cmake ninja-build ccache pkg-config
      libtree-sitter-dev nlohmann-json3-dev libboost-dev libfmt-dev doctest-dev
      libsqlite3-dev sqlite3 libpq-dev postgresql postgresql-contrib nettle-dev libjemalloc-dev)
missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  export DEBIAN_FRONTEND=noninteractive
  sudo_cmd=""
  [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get -o DPkg::Lock::Timeout=600 update -qq
  $sudo_cmd apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends "${missing[@]}"
fi
