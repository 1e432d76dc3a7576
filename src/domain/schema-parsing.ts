// Turns a zod schema's verdict into the domain's field errors, so forms, the API and the
// CLI all name fields the same way.
import type { z } from 'zod';
import { validationError, type FieldError } from './errors.ts';

export function toFieldErrors(error: z.ZodError): FieldError[] {
  return error.issues.map((issue) => ({
    path: issue.path.map(String).join('.') || '(input)',
    message: issue.message,
  }));
}

/** Parses or throws AppError('validation') naming every field at fault. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw validationError(toFieldErrors(result.error));
  return result.data;
}
