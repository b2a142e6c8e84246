import { YjsCloseCode } from '@setboard/shared';
import { describe, expect, it } from 'vitest';
import { CONNECTION_MESSAGES, describeConnection, isQuietConnection } from './describe-connection';

describe('describeConnection', () => {
  it('says Connected only when the socket and every document are connected', () => {
    expect(describeConnection({ kind: 'connected' }, [{ kind: 'connected' }]).message).toBe(
      CONNECTION_MESSAGES.connected,
    );
    expect(describeConnection({ kind: 'connected' }, [{ kind: 'connecting' }]).message).toBe(
      CONNECTION_MESSAGES.connecting,
    );
  });

  it('says offline at once when the browser has lost its network, before the sockets notice', () => {
    const summary = describeConnection({ kind: 'connected' }, [{ kind: 'connected' }], false);
    expect(summary).toMatchObject({ tone: 'offline', message: CONNECTION_MESSAGES.offline });
  });

  it('prefers offline over connecting', () => {
    const summary = describeConnection({ kind: 'connecting' }, [{ kind: 'offline' }]);
    expect(summary).toMatchObject({ tone: 'offline', message: CONNECTION_MESSAGES.offline });
  });

  it('asks for a reload when the protocol is out of date, whatever else is true', () => {
    const summary = describeConnection({ kind: 'outdated' }, [{ kind: 'offline' }]);
    expect(summary).toEqual({
      tone: 'stopped',
      message: CONNECTION_MESSAGES.outdated,
      needsReload: true,
    });
  });

  it('explains a permanent document close and offers a reload', () => {
    const closed = { kind: 'closed', code: YjsCloseCode.forbidden, reason: '' } as const;
    const summary = describeConnection({ kind: 'connected' }, [{ kind: 'connected' }, closed]);
    expect(summary.needsReload).toBe(true);
    expect(summary.message).toMatch(/do not have access/);
  });

  it('[Y14] a rebuilt board says so in words and offers a reload, not a bare close code', () => {
    const closed = { kind: 'closed', code: YjsCloseCode.rebuilt, reason: '' } as const;
    const summary = describeConnection({ kind: 'connected' }, [closed]);
    expect(summary.needsReload).toBe(true);
    expect(summary.message).toMatch(/board was rebuilt/);
    expect(summary.message).not.toMatch(/code 4410/);
  });

  it('[Y22] a full board and a used-up allowance say the words were not saved, to copy them, and why', () => {
    for (const [code, why] of [
      [YjsCloseCode.boardFull, /facilitator has been told/],
      [YjsCloseCode.writeAllowanceUsed, /carry on tomorrow/],
    ] as const) {
      const closed = { kind: 'closed', code, reason: '' } as const;
      const { message, tone } = describeConnection({ kind: 'connected' }, [closed]);
      expect(tone).toBe('stopped');
      expect(message).toMatch(/not saved: copy it now/);
      expect(message).toMatch(why);
    }
  });
});

describe('describeConnection after the session ends', () => {
  it('says to use the sign-in link again rather than "Offline", and offers no reload', () => {
    const summary = describeConnection({ kind: 'signed_out' }, [{ kind: 'offline' }]);
    expect(summary).toEqual({
      tone: 'stopped',
      message: CONNECTION_MESSAGES.signedOut,
      needsReload: false,
    });
    expect(summary.message).toBe('Your session has ended — use your sign-in link again');
  });
});

describe('isQuietConnection', () => {
  const connected = describeConnection({ kind: 'connected' }, []);
  const offline = describeConnection({ kind: 'offline' }, []);

  it('keeps a healthy connection out of sight on pages without live documents', () => {
    expect(isQuietConnection(connected, 0, false)).toBe(true);
    expect(isQuietConnection(describeConnection({ kind: 'connecting' }, []), 0, false)).toBe(true);
  });

  it('shows the line when a document is open, a notice arrived or something is wrong', () => {
    expect(isQuietConnection(connected, 1, false)).toBe(false);
    expect(isQuietConnection(connected, 0, true)).toBe(false);
    expect(isQuietConnection(offline, 0, false)).toBe(false);
    expect(isQuietConnection(describeConnection({ kind: 'signed_out' }, []), 0, false)).toBe(false);
  });
});
