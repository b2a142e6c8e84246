import { ApiErrorBody } from '@setboard/shared';
import type { z } from 'zod';
import { ApiError } from './api-error';

export type ApiMethod = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

export interface ApiRequestOptions<S extends z.ZodType> {
  /** Sent as JSON. */
  body?: unknown;
  /** The shared schema of a successful reply; the reply is parsed with it. */
  schema: S;
  signal?: AbortSignal;
}

const OFFLINE_MESSAGE = 'Could not reach Setboard. Check your connection, then try again.';
const BAD_REPLY_MESSAGE = 'Setboard sent a reply this page could not read. Reload the page.';

/**
 * Calls the Setboard API on this site: JSON in and out, the session cookie included, the reply
 * checked against its shared schema. Failures reject with a typed `ApiError`; an aborted
 * request rejects with the abort reason, as `fetch` does.
 */
export async function apiRequest<S extends z.ZodType>(
  method: ApiMethod,
  path: string,
  options: ApiRequestOptions<S>,
): Promise<z.output<S>> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
    });
  } catch (error) {
    if (options.signal?.aborted) throw error;
    throw new ApiError('offline', OFFLINE_MESSAGE, 0);
  }
  const json = await readJson(response);
  if (!response.ok) throw errorFromReply(response.status, json);
  const parsed = options.schema.safeParse(json);
  if (!parsed.success) throw new ApiError('bad_reply', BAD_REPLY_MESSAGE, response.status);
  return parsed.data;
}

async function readJson(response: Response): Promise<unknown> {
  try {
    return await response.json();
  } catch {
    return undefined;
  }
}

function errorFromReply(status: number, json: unknown): ApiError {
  const body = ApiErrorBody.safeParse(json);
  if (body.success) {
    const { code, message, issues } = body.data.error;
    return new ApiError(code, message, status, issues ?? []);
  }
  // No error body (e.g. a proxy's own page): say what we can from the status alone.
  return status >= 500
    ? new ApiError('internal', 'Something went wrong on our side.', status)
    : new ApiError('bad_reply', BAD_REPLY_MESSAGE, status);
}
