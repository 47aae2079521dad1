#!/bin/sh
# upgrade-wizard from the CD (or a copy of it): finds Node.js, then lib/launch.cjs (shared with
# upgrade-wizard.cmd) checks its version and this folder's SHA256SUMS and starts the wizard.
# Run it as "sh upgrade-wizard.sh ..." when the CD is mounted without exec permission.
# No subshells: each costs a fork, and this runs before every start of the wizard.
case $0 in
  /*) here=${0%/*} ;;
  */*) here=$PWD/${0%/*} ;;
  *) here=$PWD ;;
esac

case "${LC_ALL:-${LC_MESSAGES:-${LANG:-}}}" in
  ja*|JA*) ja=1 ;;
  *) ja= ;;
esac
for arg in "$@"; do
  case "$arg" in
    --lang=ja) ja=1 ;;
    --lang=en) ja= ;;
  esac
done

node=${UPGRADE_WIZARD_NODE:-}
if [ -n "$node" ] && [ ! -x "$node" ]; then
  if [ -n "$ja" ]; then
    echo "upgrade-wizard: UPGRADE_WIZARD_NODE=$node は実行できるファイルではありません。node のフルパスを設定してください。" >&2
  else
    echo "upgrade-wizard: UPGRADE_WIZARD_NODE=$node is not an executable file: set it to the full path of node." >&2
  fi
  exit 2
fi
# Older distributions name the binary nodejs.
if [ -z "$node" ]; then
  if command -v node >/dev/null 2>&1; then
    node=node
  elif command -v nodejs >/dev/null 2>&1; then
    node=nodejs
  fi
fi
if [ -z "$node" ]; then
  if [ -n "$ja" ]; then
    echo "upgrade-wizard: Node.js が見つかりません (PATH に node も nodejs もありません)。" >&2
    echo "このウィザードには Node.js 20 以上が必要です。インストールして PATH に置くか、UPGRADE_WIZARD_NODE=/path/to/node を設定して、もう一度起動してください。" >&2
  else
    echo "upgrade-wizard: Node.js was not found (neither node nor nodejs is on PATH)." >&2
    echo "The wizard needs Node.js 20 or newer. Install it and put it on PATH, or set UPGRADE_WIZARD_NODE=/path/to/node, and start again." >&2
  fi
  exit 2
fi
exec "$node" "$here/lib/launch.cjs" "$@"
