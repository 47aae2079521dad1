#!/bin/sh
# upgrade-wizard from the CD (or a copy of it): finds Node.js, then lib/launch.cjs (shared with
# upgrade-wizard.cmd) checks its version and this folder's SHA256SUMS and starts the wizard.
# Run it as "sh upgrade-wizard.sh ..." when the CD is mounted without exec permission.
# No subshells on the usual path: each costs a fork, and this runs before every start of the
# wizard (only a link to this file costs one readlink per link).
self=${0#./}
case $self in
  /*) ;;
  *) self=$PWD/$self ;;
esac
# Through a link (ln -s .../upgrade-wizard.sh ~/bin/upgrade-wizard), lib/ is beside the file
# linked to, not beside the link. readlink is not POSIX, but every system of ours has it.
hops=0
while [ -h "$self" ] && [ "$hops" -lt 40 ]; do
  link=$(readlink "$self") || break
  case $link in
    /*) self=$link ;;
    *) self=${self%/*}/$link ;;
  esac
  hops=$((hops + 1))
done
here=${self%/*}

case "${LC_ALL:-${LC_MESSAGES:-${LANG:-}}}" in
  ja*|JA*) ja=1 ;;
  *) ja= ;;
esac
# --lang ja, --lang=ja, as the wizard reads them (the last one wins).
lang_next=
for arg in "$@"; do
  if [ -n "$lang_next" ]; then
    case "$arg" in
      ja) ja=1 ;;
      en) ja= ;;
    esac
  fi
  lang_next=
  case "$arg" in
    --lang) lang_next=1 ;;
    --lang=ja) ja=1 ;;
    --lang=en) ja= ;;
  esac
done

# Says why nothing can start, in Japanese ($1) or English ($2), and stops.
refuse() {
  if [ -n "$ja" ]; then printf '%s\n' "$1" >&2; else printf '%s\n' "$2" >&2; fi
  exit 2
}

node=${UPGRADE_WIZARD_NODE:-}
# -f: a directory passes -x, and exec would then fail with "Permission denied".
if [ -n "$node" ] && { [ ! -f "$node" ] || [ ! -x "$node" ]; }; then
  refuse "upgrade-wizard: UPGRADE_WIZARD_NODE=$node は実行できるファイルではありません。node のフルパスを設定してください。" \
    "upgrade-wizard: UPGRADE_WIZARD_NODE=$node is not an executable file: set it to the full path of node."
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
  refuse "upgrade-wizard: Node.js が見つかりません (PATH に node も nodejs もありません)。
このウィザードには Node.js 20 以上が必要です。インストールして PATH に置くか、UPGRADE_WIZARD_NODE=/path/to/node を設定して、もう一度起動してください。" \
    "upgrade-wizard: Node.js was not found (neither node nor nodejs is on PATH).
The wizard needs Node.js 20 or newer. Install it and put it on PATH, or set UPGRADE_WIZARD_NODE=/path/to/node, and start again."
fi
if [ ! -f "$here/lib/launch.cjs" ]; then
  refuse "upgrade-wizard: $here/lib/launch.cjs がありません。フォルダーが不完全なため、何も実行していません。
upgrade-wizard フォルダー全体を CD からもう一度コピーしてください (これが CD そのものなら、CD が壊れています。新しい CD を入手してください)。" \
    "upgrade-wizard: $here/lib/launch.cjs is missing: the folder is incomplete, nothing was run.
Copy the whole upgrade-wizard folder again from the CD (if this is the CD itself, the CD is damaged: ask for a new one)."
fi
# How to start the wizard again, for the resume and rollback commands it shows: this file,
# through sh (the CD may be mounted without exec permission).
UPGRADE_WIZARD_SELF=$self
export UPGRADE_WIZARD_SELF
exec "$node" "$here/lib/launch.cjs" "$@"
