/**
 * Overrun (docs/domain.md, "A meeting": the facilitator extends, taking time from later slots): the
 * minutes the facilitator adds to the current stage or turn come out of the slots still planned
 * after it, spread evenly, never leaving a slot shorter than `SHORTEST_SLOT_MINUTES`. What they
 * cannot give makes the meeting run over, and is kept in `overrunMinutes`.
 */
import type { MeetingState, Slot } from './meeting-state.js';
import type { Step } from './step.js';

/** A slot is never shortened below this (a shorter slot leaves no time to explore). */
export const SHORTEST_SLOT_MINUTES = 20;

/** The slots still to come: planned ones, unless the meeting has moved past its slots. */
export function slotsAhead(state: MeetingState): Slot[] {
  if (state.phase === 'process_review' || state.phase === 'closing' || state.phase === 'closed')
    return [];
  return state.slots.filter((slot) => slot.status === 'planned');
}

const canGive = (slot: Slot) => slot.minutes > SHORTEST_SLOT_MINUTES;

/**
 * Takes `minutes` from `slots` (changing them), in equal shares; a slot that reaches the
 * shortest length stops giving and the others share the rest. When fewer minutes are left than
 * slots can give, the latest slots (furthest off) give one each. Returns what each gave.
 */
function takeEvenly(slots: Slot[], minutes: number): Map<Slot, number> {
  const given = new Map<Slot, number>();
  let left = minutes;
  let givers = slots.filter(canGive);
  while (left > 0 && givers.length > 0) {
    const share = Math.floor(left / givers.length);
    const round = share === 0 ? givers.slice(-left) : givers;
    for (const slot of round) {
      const give = Math.min(Math.max(share, 1), slot.minutes - SHORTEST_SLOT_MINUTES);
      slot.minutes -= give;
      slot.cutMinutes = (slot.cutMinutes ?? 0) + give;
      left -= give;
      given.set(slot, (given.get(slot) ?? 0) + give);
    }
    givers = givers.filter(canGive);
  }
  return given;
}

/** Pays for `minutes` added to the clock now: from the slots ahead, and the rest as overrun. */
export function payForExtension(step: Step, minutes: number): void {
  const { state } = step;
  const given = takeEvenly(slotsAhead(state), minutes);
  let taken = 0;
  const slots = [...given].map(([slot, byMinutes]) => {
    taken += byMinutes;
    return { slotId: slot.id, byMinutes, minutes: slot.minutes };
  });
  if (slots.length > 0) step.events.push({ type: 'slots:shortened', slots });
  const over = minutes - taken;
  if (over === 0) return;
  state.overrunMinutes += over;
  step.events.push({ type: 'meeting:overran', minutes: over, totalMinutes: state.overrunMinutes });
}
