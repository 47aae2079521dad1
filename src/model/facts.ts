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
  /** Other files on the media that match too, not chosen (the newest version, else the last name, wins). */
  others?: string[];
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
  /**
   * Free bytes on the file system of the backup destination, and the bytes to back up; whether
   * its nearest existing directory (`checked`; the step creates the rest) can be written.
   */
  backupSpace?: { freeBytes: number; neededBytes: number; destination: string; checked: string; writable: boolean };
  /** Services found running that the procedure wants stopped before a backup. */
  runningServices: string[];
  detected: Record<string, Detection>;
  /** Finished runs of the same product found in the log dir (for order rules such as standby first). */
  priorRuns?: PriorRun[];
  /**
   * Files the plan inspects (the services file of an ensure-services step), by resolved path:
   * their bytes as a latin1 string, or null when missing or unreadable.
   */
  files?: Record<string, string | null>;
  /**
   * Checksums of the packages the plan uses, by media key (src/detect/checksums.ts); absent when
   * no media was given. A package whose bytes differ from the media's list must not be used.
   */
  mediaChecks?: Record<string, MediaCheck>;
  /** Why --media cannot be the media at all (a mistyped mount point, an unmounted CD); absent when it is a directory. */
  mediaDirProblem?: 'missing' | 'notDirectory';
}

/**
 * A package checked against the media's checksum list (SHA256SUMS, or NAME.sha256 beside it).
 * ok: the SHA-256 matches; mismatch: it differs; unreadable: it could not be read; unlisted:
 * the media has a list but not this file; unverified: the media has no checksum file at all.
 */
export interface MediaCheck {
  status: 'ok' | 'mismatch' | 'unreadable' | 'unlisted' | 'unverified';
  /** The package's path. */
  file: string;
  /** The checksum file that lists it (or, for unlisted, the SHA256SUMS that should; none when only other packages have a NAME.sha256). */
  list?: string;
  expected?: string;
  actual?: string;
  /** Why it could not be read (unreadable). */
  detail?: string;
}

/** A run of the log dir that ended with status done. */
export interface PriorRun {
  runId: string;
  /** Its journal file. */
  journal: string;
  product: string;
  answers: Record<string, string | string[]>;
  /** When it ended (ISO time of its run-end event). */
  finishedAt: string;
}
