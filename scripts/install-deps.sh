#!/usr/bin/env bash
# Installs the system packages guanlan needs, only those that are missing.
# Swift itself is expected on PATH (/opt/swift on this machine kind).
set -euo pipefail

packages=(libreadline-dev libsqlite3-dev libpq-dev)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if ((${#missing[@]})); then
  echo "安装缺少的系统软件包 / installing missing packages: ${missing[*]}"
  sudo_cmd=""
  [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "${missing[@]}"
fi

if ! command -v swift >/dev/null 2>&1; then
  if [ -x /opt/swift/usr/bin/swift ]; then
    echo "swift is at /opt/swift/usr/bin; add it to PATH" >&2
  else
    echo "swift not found: install the Swift 6 toolchain first" >&2
  fi
  exit 1
fi
