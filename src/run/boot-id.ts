// The kernel's id of the current boot: a reboot step notes it, and resume compares, to tell
// whether the machine really rebooted in between; the run lock uses it to know that a
// process id it names is from this boot.
import { readFileSync } from 'node:fs';

export function bootId(): string {
  try {
    return readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
  } catch {
    return '';
  }
}
