/** The slot board's route (its links are made with `slotBoardPath` in boards/records). */
import { DocName, meetingIdOf, meetingIdOfSlot } from '@setboard/shared';

export interface SlotRoute {
  setId: string;
  meetingIndex: number;
  meetingId: string;
  slotId: string;
  docName: DocName;
}

/** The route's parts, or null unless the slot belongs to that set's meeting. */
export function parseSlotRoute(params: {
  setId?: string | undefined;
  meetingIndex?: string | undefined;
  slotId?: string | undefined;
}): SlotRoute | null {
  const { setId = '', meetingIndex = '', slotId = '' } = params;
  if (!/^\d{1,2}$/.test(meetingIndex)) return null;
  const index = Number(meetingIndex);
  const meetingId = meetingIdOf(setId, index);
  const docName = `slot:${slotId}`;
  if (meetingIdOfSlot(slotId) !== meetingId || !DocName.safeParse(docName).success) return null;
  return { setId, meetingIndex: index, meetingId, slotId, docName };
}
