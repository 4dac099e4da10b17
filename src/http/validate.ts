import type { z } from 'zod';
import { fieldErrorsOf } from '../contracts/schemas/fields';
import { throwFieldErrors } from '../workflow/errors';

const isRecord = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);

/**
 * A request's body, query or params read through its schema (`src/contracts/schemas/`): the
 * parsed value, or a 400 ValidationError naming each bad field (`details.errors[{ path, message }]`).
 * Anything but an object (an array or text body) reads as an empty object, so the answer names
 * the fields it lacks.
 */
export const parseInput = <S extends z.ZodType>(schema: S, value: unknown): z.output<S> => {
  const result = schema.safeParse(isRecord(value) ? value : {});
  if (!result.success) throwFieldErrors(fieldErrorsOf(result.error));
  return result.data as z.output<S>;
};
