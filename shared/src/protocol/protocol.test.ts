import { describe, expect, it } from 'vitest';
import { estimateClockOffsetMs } from './clock.js';
import { DocName, parseDocName } from './doc-names.js';
import { isPermanentYjsClose, YjsCloseCode } from './yjs-close-codes.js';

describe('doc names', () => {
  it('accepts known kinds with URL-safe ids and splits them', () => {
    expect(parseDocName('slot:abc_123-x')).toEqual({ kind: 'slot', id: 'abc_123-x' });
  });

  it('refuses unknown kinds, empty or unsafe ids and over-long ids', () => {
    for (const bad of ['slot:', 'nope:1', 'slot:a/b', 'slot:../x', `slot:${'a'.repeat(65)}`, '']) {
      expect(DocName.safeParse(bad).success).toBe(false);
    }
  });
});

describe('clock offset', () => {
  it('assumes the reply took as long as the request', () => {
    // Sent at 1000, received at 1100 (100 ms round trip); the server said 5050 at the midpoint.
    expect(estimateClockOffsetMs({ clientSentAt: 1000, serverNow: 5050 }, 1100)).toBe(4000);
  });
});

describe('Yjs close codes', () => {
  it('treats only 4400–4499 as permanent, as y-websocket 3.1 does', () => {
    expect(isPermanentYjsClose(YjsCloseCode.forbidden)).toBe(true);
    expect(isPermanentYjsClose(YjsCloseCode.tooLarge)).toBe(true);
    expect(isPermanentYjsClose(YjsCloseCode.outOfSync)).toBe(false);
    expect(isPermanentYjsClose(YjsCloseCode.serviceRestart)).toBe(false);
  });
});

describe('meeting plan schema', () => {
  it('reports a malformed time once, and an end before the start on the end time', async () => {
    const { MeetingPlan } = await import('./api/sets.js');
    const malformed = MeetingPlan.safeParse({
      date: '2027-09-21',
      startTime: '25:00',
      endTime: '09:00',
    });
    expect(
      malformed.success ? [] : malformed.error.issues.map((issue) => issue.path.join('.')),
    ).toEqual(['startTime']);
    const backwards = MeetingPlan.safeParse({
      date: '2027-09-21',
      startTime: '13:00',
      endTime: '09:00',
    });
    expect(
      backwards.success ? [] : backwards.error.issues.map((issue) => issue.path.join('.')),
    ).toEqual(['endTime']);
  });
});
