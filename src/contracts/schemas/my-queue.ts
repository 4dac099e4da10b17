/** Input schema of My queue's digest setting. */
import { z } from 'zod';
import { says } from './fields';

/** PUT /kerjasama/my-queue/digest */
export const digestBody = z.object({
  enabled: z.boolean(says({ id: 'enabled harus true atau false', en: 'enabled must be true or false' })),
});

export type DigestInput = z.output<typeof digestBody>;
