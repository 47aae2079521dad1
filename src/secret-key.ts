// Which setting names hold secrets, for every place that masks values by their key (the run's
// redaction, migrate-config's diffs): one list, so a key hidden in one place is hidden in all.
export const SECRET_KEY = /pass|pwd|secret|token|api[_-]?key|private[_-]?key|credential/i;
