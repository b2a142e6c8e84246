import { SetList } from '@setboard/shared';

export const MY_SETS_PATH = '/api/my/sets';

/** `GET /api/my/sets`. */
export const MySetsReply = SetList;
