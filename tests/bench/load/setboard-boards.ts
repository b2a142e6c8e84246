/** Boards on a Setboard server for the load: one set per board, with one member to type in it. */
import { createSet, invite, profile, setUpOrganiser, tokenOf } from '../../support/actors.js';
import type { BoardTarget } from './typing.js';

/**
 * Redeems an invitation as a new person. Each comes "from" its own address (X-Forwarded-For,
 * which the bench's server believes from loopback: `TRUST_PROXY=loopback`), as real members would, so the per-address limit on
 * link redemptions does not cap how many boards a run can have.
 */
async function redeemAs(serverUrl: string, url: string, name: string, address: string) {
  const response = await fetch(`${serverUrl}/api/links/redeem`, {
    method: 'POST',
    headers: {
      origin: serverUrl,
      'content-type': 'application/json',
      'x-forwarded-for': address,
    },
    body: JSON.stringify({ token: tokenOf(url), decision: 'accept', profile: profile(name) }),
  });
  const cookie = response.headers.get('set-cookie')?.split(';')[0];
  if (response.status !== 200 || !cookie) {
    throw new Error(`redeem answered ${response.status}: ${await response.text()}`);
  }
  return cookie;
}

export async function setboardBoards(
  serverUrl: string,
  setupUrl: string,
  count: number,
): Promise<BoardTarget[]> {
  const organiser = await setUpOrganiser(serverUrl, setupUrl);
  const targets: BoardTarget[] = [];
  for (let index = 0; index < count; index++) {
    const set = await createSet(serverUrl, organiser);
    const link = await invite(serverUrl, organiser, set.id);
    const address = `10.${Math.floor(index / 250)}.${index % 250}.1`;
    const cookie = await redeemAs(serverUrl, link, `Member ${index + 1}`, address);
    targets.push({
      serverUrl: `${serverUrl.replace(/^http/, 'ws')}/yjs`,
      docName: `set:${set.id}`,
      headers: { cookie, origin: serverUrl },
    });
  }
  return targets;
}
