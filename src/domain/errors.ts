// One domain error type with a closed list of codes (Documenso habit). The web layer maps
// each code to an HTTP status in one table (src/web/error-status.ts); nothing else may
// throw to a user.

export const appErrorCodes = [
  'validation', // input breaks a schema or a rule; fieldErrors name the fields
  'unauthenticated', // must sign in
  'forbidden', // signed in, but role or organization does not allow it
  'not-found',
  'conflict', // duplicate or stale (e.g. e-mail already registered)
  'account-locked', // too many failed sign-ins (CROMERR account lockout)
  'invalid-token', // e-mail link expired, used or unknown
] as const;
export type AppErrorCode = (typeof appErrorCodes)[number];

export interface FieldError {
  /** Dotted path of the field, as the form and the API name it (e.g. `latitude`). */
  path: string;
  message: string;
}

export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    message: string,
    readonly fieldErrors: FieldError[] = [],
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export function validationError(fieldErrors: FieldError[], message = 'Check the fields marked below.'): AppError {
  return new AppError('validation', message, fieldErrors);
}

export function forbidden(message = 'Your role does not allow this.'): AppError {
  return new AppError('forbidden', message);
}

export function notFound(what: string): AppError {
  return new AppError('not-found', `${what} was not found.`);
}
