#!/bin/sh
# Installs precis's build and test dependencies on Debian 12 (as root or via sudo).
set -e
PKGS="build-essential pkg-config clang libclang-rt-14-dev zlib1g-dev libdeflate-dev libutf8proc-dev libstemmer-dev \
libjansson-dev libxxhash-dev libgumbo-dev libuchardet-dev libsqlite3-dev libmicrohttpd-dev libxml2-dev jq curl sqlite3"
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO=sudo
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends $PKGS >/dev/null
