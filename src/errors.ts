// Errors that carry their exit code. Exit 2 means bad input or a refusal: the user can fix it.
// Anything else reaching the top level is an unexpected failure (exit 1).
export class InputError extends Error {
  readonly exitCode = 2;
  constructor(message: string) {
    super(message);
    this.name = 'InputError';
  }
}

/** An unexpected failure that still has a message worth showing (exit 1, no stack). */
export class FailureError extends Error {
  readonly exitCode = 1;
  constructor(message: string) {
    super(message);
    this.name = 'FailureError';
  }
}

export function exitCodeOf(error: unknown): number {
  if (error instanceof InputError) return 2;
  return 1;
}
