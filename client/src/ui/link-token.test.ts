import { describe, expect, it } from 'vitest';
import { readLinkToken } from './link-token';

const TOKEN = 'a'.repeat(43);

describe('readLinkToken', () => {
  it('reads a token from the fragment, with or without its #', () => {
    expect(readLinkToken(`#${TOKEN}`)).toBe(TOKEN);
    expect(readLinkToken(TOKEN)).toBe(TOKEN);
  });

  it('refuses a missing, cut-short or altered token', () => {
    expect(readLinkToken('')).toBeNull();
    expect(readLinkToken(`#${TOKEN.slice(1)}`)).toBeNull();
    expect(readLinkToken(`#${TOKEN.slice(1)}!`)).toBeNull();
  });
});
