import { SetSummary } from '@setboard/shared';
import { z } from 'zod';

export const MY_SETS_PATH = '/api/my/sets';

/** `GET /api/my/sets`. */
export const MySetsReply = z.object({ sets: z.array(SetSummary) });
