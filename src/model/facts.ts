// What was learned about the machine before planning. Gathered by src/detect (I/O),
// consumed by src/plan (pure), so plans are reproducible from answers + facts.

/** A proposed answer and why the wizard believes it. */
export interface Detection {
  question: string;
  value: string | string[];
  /** Human-readable evidence: the file, link or command output it came from. */
  evidence: string;
}

export interface MediaFile {
  path: string;
  name: string;
  /** Named groups of the definition's media pattern (e.g. version, uid). */
  groups: Record<string, string>;
}

export interface Facts {
  /** Sandbox prefix for every absolute path of the procedure ("" on a real server). */
  root: string;
  media?: string;
  /** Packages found on the media, by the definition's media key. */
  mediaFiles: Record<string, MediaFile>;
  isRoot: boolean;
  /** Whether `service` is on PATH; else services go through /etc/init.d/NAME. */
  hasServiceCommand: boolean;
  /** Free bytes on the file system of the backup destination, and the bytes to back up. */
  backupSpace?: { freeBytes: number; neededBytes: number; destination: string };
  /** Services found running that the procedure wants stopped before a backup. */
  runningServices: string[];
  detected: Record<string, Detection>;
}
