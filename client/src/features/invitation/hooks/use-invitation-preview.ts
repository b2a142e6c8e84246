import type { InvitationPreview } from '@setboard/shared';
import { useEffect, useState } from 'react';
import { type ApiError, toApiError } from '../../../api/api-error';
import { inspectInvitation } from '../api/invitation-api';

export type PreviewState =
  | { state: 'loading' }
  | { state: 'ready'; preview: InvitationPreview }
  | { state: 'failed'; error: ApiError };

/** Asks the server what the invitation `token` is for, without using it up. */
export function useInvitationPreview(token: string | null): PreviewState {
  const [settled, setSettled] = useState<{ token: string; result: PreviewState } | null>(null);

  useEffect(() => {
    if (!token) return;
    const controller = new AbortController();
    inspectInvitation(token, controller.signal).then(
      (preview) => setSettled({ token, result: { state: 'ready', preview } }),
      (error: unknown) => {
        if (controller.signal.aborted) return;
        setSettled({ token, result: { state: 'failed', error: toApiError(error) } });
      },
    );
    return () => controller.abort();
  }, [token]);

  return settled?.token === token ? settled.result : { state: 'loading' };
}
