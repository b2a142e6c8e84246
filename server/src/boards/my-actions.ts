/**
 * "My actions" (docs/set-year.md): the actions a person owns across their sets, read from the
 * slot boards they presented on, and their status changes, written by the server into the slot's
 * board — so anyone with that board open sees the change at once, on every instance. Who may
 * change an action is the shared rule `mayChangeAction` (W2), asked here as the gate asks it.
 */
import * as Y from 'yjs';
import {
  ActionRecord,
  actionUpdateIssues,
  isOpenAction,
  londonDateOf,
  mayChangeAction,
  meetingIdOf,
  meetingIdOfSlot,
  type MeetingActions,
  ObjectiveRecord,
  parseMeetingId,
  personalRoot,
  type MyActionsView,
  type OwnedAction,
  type OwnedObjective,
  type PresenterActions,
  type Slot,
  type UpdateActionRequest,
} from '@setboard/shared';
import type { z } from 'zod';
import { refuse } from '../access/errors.js';
import type { SetRecord } from '../access/records.js';
import type { Sets } from '../access/sets.js';
import type { MeetingService } from '../meetings/meeting-service.js';
import type { Store } from '../store/store.js';
import type { ServerDocWriter } from './server-doc-writer.js';
import { readStoredDoc, recordsOf } from './stored-board.js';

const ACTIONS_ROOT = 'actions';

export interface MyActionsDeps {
  store: Store;
  sets: Sets;
  meetings: MeetingService;
  docs: ServerDocWriter;
  now: () => number;
}

/** A presenter's slot in one of a set's meetings. */
interface PresentedSlot {
  set: SetRecord;
  meetingIndex: number;
  slot: Slot;
}

export class MyActions {
  constructor(private readonly deps: MyActionsDeps) {}

  /** Every action `personId` owns in their sets, by due date (undated last), and objectives. */
  async of(personId: string): Promise<MyActionsView> {
    const today = londonDateOf(this.deps.now());
    const sets = await this.deps.sets.ofPerson(personId);
    const slots = (await Promise.all(sets.map((set) => this.slotsOf(set)))).flat();
    const actions = (
      await Promise.all(
        slots
          .filter(({ slot }) => slot.presenterId === personId)
          .map((presented) => this.actionsIn(presented, today)),
      )
    ).flat();
    actions.sort(
      (a, b) =>
        (a.action.due || '9999').localeCompare(b.action.due || '9999') ||
        a.action.createdAt - b.action.createdAt,
    );
    const objectives = (
      await Promise.all(sets.map((set) => this.objectivesIn(set, personId)))
    ).flat();
    return { today, actions, objectives };
  }

  /**
   * Changes an action's status and adds a progress note, as the server, into the slot's board.
   * Refused unless the person presented that slot; bad changes change nothing.
   */
  async update(
    set: SetRecord,
    slotId: string,
    actionId: string,
    personId: string,
    update: z.output<typeof UpdateActionRequest>,
  ): Promise<OwnedAction> {
    const presented = await this.slotOf(set, slotId);
    if (!presented) throw refuse.notFound('That action');
    if (!mayChangeAction(presented.slot, personId)) {
      throw refuse.forbidden('Actions are the presenter’s alone.');
    }
    let saved: ActionRecord | null = null;
    await this.deps.docs.writeAsServer(`slot:${slotId}`, (doc) => {
      const record = doc.getMap<unknown>(ACTIONS_ROOT).get(actionId);
      const current = record instanceof Y.Map ? ActionRecord.safeParse(record.toJSON()) : null;
      if (!(record instanceof Y.Map) || !current?.success) throw refuse.notFound('That action');
      const issues = actionUpdateIssues(current.data, update);
      if (issues.length > 0) throw refuse.invalid(issues);
      const progress = [
        ...current.data.progress,
        { at: this.deps.now(), status: update.status, note: update.note },
      ];
      doc.transact(() => {
        if (update.status !== current.data.status) record.set('status', update.status);
        record.set('progress', progress);
      });
      saved = { ...current.data, status: update.status, progress };
    });
    const action = saved as ActionRecord | null;
    if (!action) throw refuse.notFound('That action');
    const today = londonDateOf(this.deps.now());
    return owned(presented, actionId, action, today);
  }

  /** Every action in the set, with its owner (for reminders). */
  async allInSet(set: SetRecord): Promise<Array<OwnedAction & { personId: string }>> {
    const today = londonDateOf(this.deps.now());
    const slots = await this.slotsOf(set);
    const owned = await Promise.all(
      slots.map(async (presented) =>
        (await this.actionsIn(presented, today)).map((action) => ({
          ...action,
          personId: presented.slot.presenterId,
        })),
      ),
    );
    return owned.flat();
  }

  /** Each presenter's actions from the meeting at `meetingIndex`, with their status now. */
  async fromMeeting(set: SetRecord, meetingIndex: number): Promise<MeetingActions> {
    const meeting = await this.deps.meetings.get(meetingIdOf(set.id, meetingIndex));
    const presenters: PresenterActions[] = [];
    for (const slot of meeting?.state.slots ?? []) {
      const actions = await readStoredDoc(this.deps.store, `slot:${slot.id}`, (doc) =>
        recordsOf(doc, ACTIONS_ROOT, ActionRecord),
      );
      if (actions.length === 0) continue;
      presenters.push({
        personId: slot.presenterId,
        slotId: slot.id,
        actions: actions.map(({ id, record }) => ({ actionId: id, action: record })),
      });
    }
    return { meetingIndex, presenters };
  }

  private async slotsOf(set: SetRecord): Promise<PresentedSlot[]> {
    const meetings = await Promise.all(
      set.meetings.map((_, index) => this.deps.meetings.get(meetingIdOf(set.id, index))),
    );
    return meetings.flatMap((meeting, meetingIndex) =>
      (meeting?.state.slots ?? []).map((slot) => ({ set, meetingIndex, slot })),
    );
  }

  private async slotOf(set: SetRecord, slotId: string): Promise<PresentedSlot | null> {
    const meetingId = meetingIdOfSlot(slotId);
    const parsed = meetingId ? parseMeetingId(meetingId) : null;
    if (!meetingId || parsed?.setId !== set.id) return null;
    const meeting = await this.deps.meetings.get(meetingId);
    const slot = meeting?.state.slots.find((candidate) => candidate.id === slotId);
    return slot ? { set, meetingIndex: parsed.meetingIndex, slot } : null;
  }

  private async actionsIn(presented: PresentedSlot, today: string): Promise<OwnedAction[]> {
    const entries = await readStoredDoc(this.deps.store, `slot:${presented.slot.id}`, (doc) =>
      recordsOf(doc, ACTIONS_ROOT, ActionRecord),
    );
    return entries.map(({ id, record }) => owned(presented, id, record, today));
  }

  private async objectivesIn(set: SetRecord, personId: string): Promise<OwnedObjective[]> {
    return readStoredDoc(this.deps.store, `set:${set.id}`, (doc) => {
      const of = (root: string, scope: OwnedObjective['scope']) =>
        recordsOf(doc, root, ObjectiveRecord).map(({ id, record }) => ({
          setId: set.id,
          setName: set.name,
          scope,
          meetingCount: set.meetings.length,
          objectiveId: id,
          objective: record,
        }));
      return [
        ...of(personalRoot('personalObjectives', personId), 'personal'),
        ...of('setObjectives', 'set'),
      ];
    });
  }
}

function owned(
  presented: PresentedSlot,
  actionId: string,
  action: ActionRecord,
  today: string,
): OwnedAction {
  return {
    setId: presented.set.id,
    setName: presented.set.name,
    meetingIndex: presented.meetingIndex,
    slotId: presented.slot.id,
    actionId,
    action,
    overdue: action.due !== '' && action.due < today && isOpenAction(action.status),
  };
}
