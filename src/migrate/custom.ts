// The custom part's user ID (procedure 3.8.2): custom_{UID}_{DATE}.tar.gz, UID = 3-4 capitals.

const UID = /^[A-Z]{3,4}$/;
const ARCHIVE = /^custom_([A-Z]{3,4})_([0-9]+)\.tar\.gz$/;

export function isCustomUid(value: string): boolean {
  return UID.test(value);
}

/** The UID in an archive's file name (the base name, no directory), or undefined. */
export function uidFromArchiveName(baseName: string): string | undefined {
  return ARCHIVE.exec(baseName)?.[1];
}
