/**
 * The plan of presenter slots as the room shows it (the bids, in the facilitator's order), and
 * the commands that change it: moving a planned slot up or down sends `slots:reorder` with every
 * planned slot once, as the reducer requires.
 */
import type { MeetingCommand, MeetingState, Slot } from '@setboard/shared';

export type MoveDirection = 'up' | 'down';

export interface SlotPlan {
  /** Slots under way, done or still to come, in the order they run. */
  running: Slot[];
  planned: Slot[];
  /** Carried over to the next meeting. */
  deferred: Slot[];
}

/** The meeting's slots, grouped as the room lists them. */
export function slotPlan(state: MeetingState): SlotPlan {
  return {
    running: state.slots.filter((slot) => slot.status === 'running' || slot.status === 'complete'),
    planned: state.slots.filter((slot) => slot.status === 'planned'),
    deferred: state.slots.filter((slot) => slot.status === 'deferred'),
  };
}

/** The ids of the planned slots with `slotId` moved one place, or null when it cannot move. */
export function movedOrder(
  plannedIds: readonly string[],
  slotId: string,
  direction: MoveDirection,
): string[] | null {
  const from = plannedIds.indexOf(slotId);
  const to = direction === 'up' ? from - 1 : from + 1;
  if (from < 0 || to < 0 || to >= plannedIds.length) return null;
  const order = [...plannedIds];
  order[from] = plannedIds[to]!;
  order[to] = slotId;
  return order;
}

/** `slots:reorder` moving one planned slot, or null when it is already first (or last). */
export function moveSlotCommand(
  state: MeetingState,
  slotId: string,
  direction: MoveDirection,
): Extract<MeetingCommand, { type: 'slots:reorder' }> | null {
  const plannedIds = slotPlan(state).planned.map((slot) => slot.id);
  const slotIds = movedOrder(plannedIds, slotId, direction);
  return slotIds ? { type: 'slots:reorder', slotIds } : null;
}

/** The planned slot `personId` bid for (their bid), if any. */
export function bidOf(state: MeetingState, personId: string): Slot | null {
  return (
    state.slots.find((slot) => slot.presenterId === personId && slot.status === 'planned') ?? null
  );
}

/** "30 minutes", "1 minute". */
export function minutesText(minutes: number): string {
  return `${minutes} ${minutes === 1 ? 'minute' : 'minutes'}`;
}
