import { LinkToken } from '@setboard/shared';

/**
 * The token a link carries in its fragment (`/invitation#<token>`). The fragment never reaches
 * the server or a Referer header; pages send it in a request body. Null when the fragment is
 * missing or is not a token's shape.
 */
export function readLinkToken(hash: string): string | null {
  const parsed = LinkToken.safeParse(hash.replace(/^#/, ''));
  return parsed.success ? parsed.data : null;
}
