import {
  type AttendanceStatus,
  type MeetingState,
  currentPresenterId,
  hasJoined,
  isHere,
  turnHolderId,
} from '@setboard/shared';
import { ATTENDANCE_LABELS } from '../../../live-meeting/meeting-labels';
import type { RoomControls } from '../lib/room-controls';
import { CommandButton } from '../../../live-meeting/CommandButton';

function HandActions({ personId, room }: { personId: string; room: RoomControls }) {
  const grant = { type: 'floor:grant' as const, personId };
  const remove = { type: 'queue:remove' as const, personId };
  const name = room.nameOf(personId);
  return (
    <div className="app-control-bar app-hands__actions">
      <CommandButton
        status={room.statusOf(grant)}
        busy={room.busy}
        small
        onPress={() => room.send(grant)}
      >
        Give the floor<span className="nhsuk-u-visually-hidden"> to {name}</span>
      </CommandButton>
      <CommandButton
        status={room.statusOf(remove)}
        busy={room.busy}
        small
        onPress={() => room.send(remove)}
      >
        Take off the queue<span className="nhsuk-u-visually-hidden"> ({name})</span>
      </CommandButton>
    </div>
  );
}

function RaisedHands(room: RoomControls) {
  const { state, nameOf, isFacilitator } = room;
  if (state.queue.hands.length === 0) {
    return (
      <p className="nhsuk-body" data-testid="no-hands">
        No hands are raised.
      </p>
    );
  }
  return (
    <ol className="app-hands" data-testid="raised-hands">
      {state.queue.hands.map((personId) => (
        <li key={personId} className="app-hands__item">
          <span>{nameOf(personId)}</span>
          {isFacilitator && <HandActions personId={personId} room={room} />}
        </li>
      ))}
    </ol>
  );
}

/** Who presents, whose turn it is, who holds the floor and whose hands are up, in order. */
export function SpeakingPanel(room: RoomControls) {
  const { state, nameOf, isFacilitator } = room;
  const presenterId = currentPresenterId(state);
  const turnId = turnHolderId(state);
  const floorId = state.queue.floor?.personId ?? null;
  const endFloor = floorId ? { type: 'queue:remove' as const, personId: floorId } : null;
  return (
    <section aria-labelledby="speaking-heading" className="app-meeting-panel">
      <h2 className="nhsuk-heading-s" id="speaking-heading">
        Who is speaking
      </h2>
      <dl className="nhsuk-summary-list app-meeting-summary">
        <div className="nhsuk-summary-list__row">
          <dt className="nhsuk-summary-list__key">Facilitator</dt>
          <dd className="nhsuk-summary-list__value" data-testid="facilitator">
            {nameOf(state.actingFacilitatorId)}
          </dd>
        </div>
        {presenterId && (
          <div className="nhsuk-summary-list__row">
            <dt className="nhsuk-summary-list__key">Presenter</dt>
            <dd className="nhsuk-summary-list__value" data-testid="presenter">
              {nameOf(presenterId)}
            </dd>
          </div>
        )}
        {turnId && (
          <div className="nhsuk-summary-list__row">
            <dt className="nhsuk-summary-list__key">Whose turn</dt>
            <dd className="nhsuk-summary-list__value" data-testid="turn-holder">
              {nameOf(turnId)}
            </dd>
          </div>
        )}
        <div className="nhsuk-summary-list__row">
          <dt className="nhsuk-summary-list__key">Has the floor</dt>
          <dd className="nhsuk-summary-list__value" data-testid="floor-holder">
            {floorId ? nameOf(floorId) : 'Nobody'}
          </dd>
        </div>
      </dl>
      {isFacilitator && endFloor && floorId && (
        <div className="app-control-bar app-control-bar--spaced">
          <CommandButton
            status={room.statusOf(endFloor)}
            busy={room.busy}
            small
            onPress={() => room.send(endFloor)}
          >
            End the turn<span className="nhsuk-u-visually-hidden"> of {nameOf(floorId)}</span>
          </CommandButton>
        </div>
      )}
      <h3 className="nhsuk-heading-xs">Raised hands</h3>
      <RaisedHands {...room} />
    </section>
  );
}

/**
 * Whether someone who joined is connected now (M13): "Left" while away, "Came back" after a gap.
 * Attendance (present, late…) says who came; this says who is in the room.
 */
function Presence({ state, personId }: { state: MeetingState; personId: string }) {
  const entry = state.attendance[personId];
  if (!entry || !hasJoined(state, personId)) return null;
  if (entry.away) {
    return (
      <strong
        className="nhsuk-tag nhsuk-tag--grey app-presence"
        data-testid={`presence-${personId}`}
      >
        Left
      </strong>
    );
  }
  if (entry.gaps.length === 0) return null;
  return (
    <span className="app-secondary-line" data-testid={`presence-${personId}`}>
      Came back
    </span>
  );
}

const STATUS_CLASS: Record<AttendanceStatus, string> = {
  expected: 'grey',
  present: 'green',
  late: 'yellow',
  apologies: 'orange',
  absent: 'red',
};

/** Everyone on the roster and their attendance; who has said they are ready to move on. */
export function ParticipantsPanel({
  state,
  nameOf,
}: {
  state: MeetingState;
  nameOf: (personId: string) => string;
}) {
  const present = state.roster.filter((entry) => isHere(state, entry.personId)).length;
  const came = state.roster.filter((entry) => hasJoined(state, entry.personId)).length;
  return (
    <section aria-labelledby="participants-heading" className="app-meeting-panel">
      <h2 className="nhsuk-heading-s" id="participants-heading">
        Participants
      </h2>
      <p className="nhsuk-body-s">
        {state.phase === 'closed'
          ? `${came} of ${state.roster.length} came.`
          : `${present} of ${state.roster.length} here now. Quorum: ${state.settings.quorum} members.`}
      </p>
      <ul className="app-participants" data-testid="participants">
        {state.roster.map((entry) => {
          const status = state.attendance[entry.personId]?.status ?? 'expected';
          return (
            <li key={entry.personId} className="app-participants__item">
              <span>
                {nameOf(entry.personId)}
                {entry.role === 'facilitator' && (
                  <span className="app-secondary-line">Facilitator</span>
                )}
              </span>
              <span>
                <strong className={`nhsuk-tag nhsuk-tag--${STATUS_CLASS[status]}`}>
                  {ATTENDANCE_LABELS[status]}
                </strong>
                <Presence state={state} personId={entry.personId} />
                {state.ready.includes(entry.personId) && (
                  <span className="app-secondary-line">Ready to move on</span>
                )}
              </span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
