/** Input schema of a workflow move, the same at every door (admin panel, program page, content API). */
import { z } from 'zod';
import { says } from './fields';

export const REASON_MAX_LENGTH = 2000;

const reasonText = says({ id: 'Alasan harus berupa teks', en: 'The reason must be text' });

/** `{ to, reason?, from? }`: `from` is the state the caller saw (a conflict if it moved on). */
export const transitionBody = z.object({
  to: z.string(says({ id: 'Status tujuan wajib diisi', en: 'The target state "to" is required' })).min(1, says({ id: 'Status tujuan wajib diisi', en: 'The target state "to" is required' })),
  reason: z.string(reasonText).max(REASON_MAX_LENGTH, says({ id: `Alasan paling banyak ${REASON_MAX_LENGTH} karakter`, en: `The reason has at most ${REASON_MAX_LENGTH} characters` })).nullish(),
  from: z.string(says({ id: 'Status asal harus berupa teks', en: 'The expected state "from" must be text' })).optional(),
});

export type TransitionInput = z.output<typeof transitionBody>;
