import createHttpError from 'http-errors';
import { errors } from '@strapi/utils';
import type { FieldError } from '../domain/validation';

/**
 * The record moved on between what the caller saw and its request: someone else acted first.
 * An HTTP error (not an ApplicationError) so that Strapi answers 409 rather than 400.
 */
export const workflowConflict = (message: string, details: Record<string, unknown> = {}) => {
  const error = createHttpError(409, message, { details });
  error.name = 'ConflictError';
  return error;
};

/** A refused write: 400 ValidationError naming the field(s), whichever door it came through. */
export const refuse = (path: string, message: string, details: Record<string, unknown> = {}, alsoFields: FieldError[] = []): never => {
  const found = [{ path: [path], message }, ...alsoFields].map((error) => ({ ...error, name: 'ValidationError' }));
  throw new errors.ValidationError(message, { errors: found, ...details });
};

export const throwFieldErrors = (found: FieldError[]) => {
  if (found.length === 0) return;
  throw new errors.ValidationError(
    found.map((error) => `${error.path.join('.')}: ${error.message}`).join('; '),
    { errors: found.map((error) => ({ path: error.path, message: error.message, name: 'ValidationError' })) },
  );
};
