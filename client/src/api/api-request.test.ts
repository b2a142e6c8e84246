import { Done, SessionView } from '@setboard/shared';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from './api-error';
import { apiRequest } from './api-request';

function reply(status: number, body: unknown): Response {
  return new Response(body === undefined ? null : JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json' },
  });
}

function stubFetch(answer: () => Promise<Response>) {
  const fetchMock = vi.fn<typeof fetch>(answer);
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

async function failureOf(promise: Promise<unknown>): Promise<ApiError> {
  const error: unknown = await promise.then(
    () => null,
    (reason: unknown) => reason,
  );
  if (!(error instanceof ApiError)) throw new Error(`expected an ApiError, got ${String(error)}`);
  return error;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('apiRequest', () => {
  it('sends JSON with the session cookie and parses the reply with the schema', async () => {
    const fetchMock = stubFetch(async () =>
      reply(200, { person: null, setupPending: true, mailEnabled: false, account: null }),
    );
    const session = await apiRequest('POST', '/api/setup', {
      body: { token: 't' },
      schema: SessionView,
    });
    expect(session).toEqual({
      person: null,
      setupPending: true,
      mailEnabled: false,
      account: null,
    });
    const [path, init] = fetchMock.mock.calls[0]!;
    expect(path).toBe('/api/setup');
    expect(init).toMatchObject({
      method: 'POST',
      credentials: 'same-origin',
      body: '{"token":"t"}',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    });
  });

  it('sends no body or content type on a GET', async () => {
    const fetchMock = stubFetch(async () => reply(200, { done: true }));
    await apiRequest('GET', '/api/x', { schema: Done });
    const init = fetchMock.mock.calls[0]![1]!;
    expect(init.body).toBeUndefined();
    expect(init.headers).toEqual({ Accept: 'application/json' });
  });

  it('turns an error body into a typed ApiError with its issues', async () => {
    stubFetch(async () =>
      reply(400, {
        error: {
          code: 'validation',
          message: 'Check the form',
          issues: [{ path: 'meetings.0.endTime', message: 'The meeting must end after it starts' }],
        },
      }),
    );
    const error = await failureOf(apiRequest('POST', '/api/sets', { body: {}, schema: Done }));
    expect(error).toMatchObject({ code: 'validation', status: 400, message: 'Check the form' });
    expect(error.issues).toEqual([
      { path: 'meetings.0.endTime', message: 'The meeting must end after it starts' },
    ]);
    expect(error.isServiceProblem).toBe(false);
  });

  it('keeps the link codes the pages tell apart', async () => {
    stubFetch(async () => reply(410, { error: { code: 'link_used', message: 'Used' } }));
    const error = await failureOf(apiRequest('POST', '/api/links/inspect', { schema: Done }));
    expect(error).toMatchObject({ code: 'link_used', status: 410 });
  });

  it('reports a reply without an error body by its status', async () => {
    stubFetch(async () => new Response('<html>Bad gateway</html>', { status: 502 }));
    const error = await failureOf(apiRequest('GET', '/api/session', { schema: SessionView }));
    expect(error).toMatchObject({ code: 'internal', status: 502 });
    expect(error.isServiceProblem).toBe(true);
  });

  it('refuses a successful reply that does not match the schema', async () => {
    stubFetch(async () => reply(200, { person: 'someone' }));
    const error = await failureOf(apiRequest('GET', '/api/session', { schema: SessionView }));
    expect(error).toMatchObject({ code: 'bad_reply', status: 200 });
  });

  it('says "offline" when the request never got an answer', async () => {
    stubFetch(async () => {
      throw new TypeError('Failed to fetch');
    });
    const error = await failureOf(apiRequest('GET', '/api/session', { schema: SessionView }));
    expect(error).toMatchObject({ code: 'offline', status: 0 });
  });

  it('lets an abort through as an abort, not as "offline"', async () => {
    const controller = new AbortController();
    stubFetch(async () => {
      controller.abort();
      throw controller.signal.reason;
    });
    const outcome = apiRequest('GET', '/api/session', {
      schema: SessionView,
      signal: controller.signal,
    });
    await expect(outcome).rejects.not.toBeInstanceOf(ApiError);
  });
});
