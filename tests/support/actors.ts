/**
 * People for tests, made through the real HTTP API exactly as the pages do: the first organiser
 * through the set-up link, everyone else through invitations. Each `TestPerson` carries the
 * session cookie the server set, for HTTP, Socket.IO and /yjs.
 */
import type {
  CreatedLink,
  CreateSetRequest,
  ProfileInput,
  SessionView,
  SetView,
} from '@setboard/shared';

export interface TestPerson {
  personId: string;
  name: string;
  /** `setboard_session=…`, ready for a Cookie header. */
  cookie: string;
}

export interface ApiReply<T = unknown> {
  status: number;
  body: T;
  setCookie: string | null;
}

/** Calls the API as a browser on the same site would (with Origin on state-changing requests). */
export async function callApi<T = unknown>(
  serverUrl: string,
  method: string,
  path: string,
  options: { as?: TestPerson | null; body?: unknown; origin?: string } = {},
): Promise<ApiReply<T>> {
  const headers: Record<string, string> = { origin: options.origin ?? serverUrl };
  if (options.as) headers.cookie = options.as.cookie;
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`${serverUrl}${path}`, {
    method,
    headers,
    ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
  });
  const text = await response.text();
  return {
    status: response.status,
    // Downloads (zip, docx, CSV) are not JSON: their body is left to the caller to fetch.
    body: (text && isJson(response) ? JSON.parse(text) : null) as T,
    setCookie: response.headers.get('set-cookie'),
  };
}

function isJson(response: Response): boolean {
  return response.headers.get('content-type')?.includes('json') ?? true;
}

/** Like `callApi`, but fails the test unless the reply is 200. */
export async function expectOk<T>(
  serverUrl: string,
  method: string,
  path: string,
  options: Parameters<typeof callApi>[3] = {},
): Promise<ApiReply<T>> {
  const reply = await callApi<T>(serverUrl, method, path, options);
  if (reply.status !== 200) {
    throw new Error(`${method} ${path} answered ${reply.status}: ${JSON.stringify(reply.body)}`);
  }
  return reply;
}

export function profile(name: string, overrides: Partial<ProfileInput> = {}): ProfileInput {
  return {
    name,
    organisation: `${name}'s NHS Trust`,
    jobTitle: 'Head of HR Services',
    band: 'band_8b',
    bio: '',
    ...overrides,
  };
}

function personFrom(reply: ApiReply<SessionView | { session: SessionView }>): TestPerson {
  const session = 'session' in reply.body ? reply.body.session : reply.body;
  const cookie = reply.setCookie?.split(';')[0];
  if (!session.person || !cookie) throw new Error('no session in the reply');
  return { personId: session.person.id, name: session.person.name, cookie };
}

/** The token part of a link (`…#<token>`). */
export function tokenOf(url: string): string {
  const token = new URL(url).hash.slice(1);
  if (!token) throw new Error(`no token in ${url}`);
  return token;
}

/** Uses the set-up link to make the first organiser. */
export async function setUpOrganiser(
  serverUrl: string,
  setupUrl: string,
  name = 'Olu Organiser',
): Promise<TestPerson> {
  return personFrom(
    await expectOk<SessionView>(serverUrl, 'POST', '/api/setup', {
      body: { token: tokenOf(setupUrl), profile: profile(name) },
    }),
  );
}

export function aSet(overrides: Partial<CreateSetRequest> = {}): CreateSetRequest {
  return {
    name: 'Heads of Service set',
    purpose: 'Working on real HR challenges together.',
    meetings: [
      { date: '2027-09-21', startTime: '09:30', endTime: '13:00', place: 'Room 4', videoLink: '' },
      { date: '2027-12-14', startTime: '09:30', endTime: '13:00', place: 'Room 4', videoLink: '' },
    ],
    ...overrides,
  };
}

export async function createSet(
  serverUrl: string,
  organiser: TestPerson,
  request: CreateSetRequest = aSet(),
): Promise<SetView> {
  return (await expectOk<SetView>(serverUrl, 'POST', '/api/sets', { as: organiser, body: request }))
    .body;
}

/** An invitation link to a set, made by `by`. */
export async function invite(
  serverUrl: string,
  by: TestPerson,
  setId: string,
  role: 'member' | 'facilitator' = 'member',
): Promise<string> {
  const reply = await expectOk<CreatedLink>(serverUrl, 'POST', `/api/sets/${setId}/invitations`, {
    as: by,
    body: { role },
  });
  return reply.body.url;
}

/** Accepts an invitation as a new person. */
export async function acceptInvitation(
  serverUrl: string,
  url: string,
  name: string,
  overrides: Partial<ProfileInput> = {},
): Promise<TestPerson> {
  return personFrom(
    await expectOk<{ session: SessionView }>(serverUrl, 'POST', '/api/links/redeem', {
      body: { token: tokenOf(url), decision: 'accept', profile: profile(name, overrides) },
    }),
  );
}

export interface TestSet {
  organiser: TestPerson;
  facilitator: TestPerson;
  members: TestPerson[];
  set: SetView;
}

/** An organiser, a set, its facilitator and `memberCount` members. */
export async function setWithPeople(
  serverUrl: string,
  setupUrl: string | null,
  memberCount = 2,
  organiser?: TestPerson,
): Promise<TestSet> {
  const owner = organiser ?? (await setUpOrganiser(serverUrl, setupUrl!));
  const set = await createSet(serverUrl, owner);
  const facilitator = await acceptInvitation(
    serverUrl,
    await invite(serverUrl, owner, set.id, 'facilitator'),
    'Fran Facilitator',
  );
  const members: TestPerson[] = [];
  for (let index = 0; index < memberCount; index++) {
    members.push(
      await acceptInvitation(
        serverUrl,
        await invite(serverUrl, owner, set.id),
        `Member ${index + 1}`,
        { organisation: `Trust ${index + 1}` },
      ),
    );
  }
  return { organiser: owner, facilitator, members, set };
}

/**
 * A new set's board (`set:<id>`) and a member who may open it: its `notes` are plain text that
 * anyone in the set may write (W14), so yjs tests can type freely into a real board.
 */
export async function aSetBoard(
  serverUrl: string,
  setupUrl: string,
): Promise<{ docName: string; member: TestPerson; organiser: TestPerson; set: SetView }> {
  const organiser = await setUpOrganiser(serverUrl, setupUrl);
  const set = await createSet(serverUrl, organiser);
  const member = await acceptInvitation(
    serverUrl,
    await invite(serverUrl, organiser, set.id),
    'Ada Member',
  );
  return { docName: `set:${set.id}`, member, organiser, set };
}
