import { useCallback, useEffect, useState } from 'react';
import type { z } from 'zod';
import { type ApiError, toApiError } from './api-error';
import { apiRequest } from './api-request';

export type ApiResult<T> =
  { state: 'loading' } | { state: 'ready'; data: T } | { state: 'failed'; error: ApiError };

export interface ApiGet<T> {
  result: ApiResult<T>;
  /** Fetches again; the current data stays on show until the new reply arrives. */
  reload: () => void;
  /** Shows `data` now, e.g. the fresh record a change request answered with. */
  replace: (data: T) => void;
}

const LOADING = { state: 'loading' } as const;

/**
 * GETs `path` while the component is mounted (again whenever `path` changes) and parses the
 * reply with `schema`, which must be a stable value (a module constant).
 */
export function useApiGet<S extends z.ZodType>(path: string, schema: S): ApiGet<z.output<S>> {
  type T = z.output<S>;
  const [reloads, setReloads] = useState(0);
  // Results are stored with the path they belong to, so a new path shows "loading" at once
  // without resetting state inside the effect.
  const [settled, setSettled] = useState<{ path: string; result: ApiResult<T> } | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    apiRequest('GET', path, { schema, signal: controller.signal }).then(
      (data) => setSettled({ path, result: { state: 'ready', data } }),
      (error: unknown) => {
        if (!controller.signal.aborted) {
          setSettled({ path, result: { state: 'failed', error: toApiError(error) } });
        }
      },
    );
    return () => controller.abort();
  }, [path, schema, reloads]);

  const reload = useCallback(() => setReloads((count) => count + 1), []);
  const replace = useCallback(
    (data: T) => setSettled({ path, result: { state: 'ready', data } }),
    [path],
  );
  const result: ApiResult<T> = settled?.path === path ? settled.result : LOADING;
  return { result, reload, replace };
}
