// The kernel's id of the current boot: a reboot step notes it, and resume compares, to tell
// whether the machine really rebooted in between.
import { readFile } from 'node:fs/promises';

export async function bootId(): Promise<string> {
  return (await readFile('/proc/sys/kernel/random/boot_id', 'utf8').catch(() => '')).trim();
}
