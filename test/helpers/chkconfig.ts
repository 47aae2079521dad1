// A recording stand-in for RHEL 6's chkconfig, for the tests of a command step's probe (the
// wizard's and the Ansible export's): `--list NAME` prints NAME's runlevels, all on when
// STATE/NAME exists, else all off, and fails for a service named "broken"; `NAME on` creates
// STATE/NAME. Every call is appended to CALLS.
export const RUNLEVELS_ON = '\\b2:on\\s+3:on\\s+4:on\\s+5:on\\b';

export function chkconfigScript(calls: string, state: string): string {
  return `#!/bin/sh
echo "chkconfig $*" >> '${calls}'
if [ "$1" = --list ]; then
  case "$2" in broken) echo "error reading information on service $2: No such file or directory" >&2; exit 1 ;; esac
  if [ -e '${state}'/"$2" ]; then s=on; else s=off; fi
  printf '%s\\t0:off\\t1:off\\t2:%s\\t3:%s\\t4:%s\\t5:%s\\t6:off\\n' "$2" $s $s $s $s
  exit 0
fi
if [ "$2" = on ]; then : > '${state}'/"$1"; exit 0; fi
echo "usage: chkconfig [--list] [name] | chkconfig name on|off" >&2; exit 2
`;
}
