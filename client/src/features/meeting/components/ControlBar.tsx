import { type MeetingCommand, ROUND_PHASES, currentPresenterId, hasQuorum } from '@setboard/shared';
import { type FormEvent, useState } from 'react';
import { ConfirmStep } from '../../../boards/surfaces/slot/components/ConfirmStep';
import type { RoomControls } from '../lib/room-controls';
import { CommandButton } from '../../../live-meeting/CommandButton';

/** Minutes the facilitator's "extend" button adds. */
export const EXTEND_MINUTES = 5;

interface Control {
  label: string;
  command: MeetingCommand;
  /** Shown for the main action of the moment. */
  primary?: boolean;
}

function ControlButtons({
  label,
  controls,
  room,
  testId,
}: {
  label: string;
  controls: Control[];
  room: RoomControls;
  testId: string;
}) {
  return (
    <div className="app-control-bar" role="group" aria-label={label} data-testid={testId}>
      {/* Keys by place, so a button that changes its meaning (raise → lower) keeps focus. */}
      {controls.map((control, index) => (
        <CommandButton
          key={index}
          status={room.statusOf(control.command)}
          busy={room.busy}
          variant={control.primary ? 'primary' : 'secondary'}
          onPress={() => room.send(control.command)}
        >
          {control.label}
        </CommandButton>
      ))}
    </div>
  );
}

/** Closing is for good: the facilitator confirms before the room closes and the summary shows. */
function CloseMeeting(room: RoomControls) {
  const [confirming, setConfirming] = useState(false);
  const command = { type: 'stage:advance' } as const;
  if (!confirming) {
    return (
      <CommandButton
        status={room.statusOf(command)}
        busy={room.busy}
        variant="primary"
        onPress={() => setConfirming(true)}
      >
        Close the meeting
      </CommandButton>
    );
  }
  return (
    <ConfirmStep
      heading="Close the meeting for everyone?"
      confirmLabel="Yes, close the meeting"
      cancelLabel="Not yet"
      busy={room.busy}
      onConfirm={() => {
        setConfirming(false);
        room.send(command);
      }}
      onCancel={() => setConfirming(false)}
      testId="confirm-close"
    >
      <p className="nhsuk-body">
        The clock stops and nobody can go back. Everyone sees the meeting summary; slots that did
        not run are carried to the next meeting.
      </p>
    </ConfirmStep>
  );
}

/** The facilitator's controls: lobby, start, move on and back, time out, more time. */
export function FacilitatorControls(room: RoomControls) {
  const { state } = room;
  const paused = state.pausedAt !== null;
  const closing = state.phase === 'closing';
  const controls: Control[] = [
    ...(state.phase === 'scheduled'
      ? [{ label: 'Open the lobby', command: { type: 'lobby:open' }, primary: true } as const]
      : []),
    ...(state.phase === 'scheduled' || state.phase === 'lobby'
      ? [{ label: 'Start the meeting', command: { type: 'meeting:start' }, primary: true } as const]
      : []),
    ...(closing
      ? []
      : [
          {
            label: 'Move on',
            command: { type: 'stage:advance' },
            primary: state.phase !== 'lobby',
          } as const,
        ]),
    { label: 'Go back', command: { type: 'stage:back' } },
    paused
      ? { label: 'Resume', command: { type: 'timer:resume' } }
      : { label: 'Time out', command: { type: 'timer:pause' } },
    {
      label: `Add ${EXTEND_MINUTES} minutes`,
      command: { type: 'timer:extend', minutes: EXTEND_MINUTES },
    },
  ];
  return (
    <section aria-labelledby="facilitator-controls-heading" className="app-meeting-panel">
      <h2 className="nhsuk-heading-s" id="facilitator-controls-heading">
        Facilitator’s controls
      </h2>
      <ControlButtons
        label="Facilitator’s controls"
        controls={controls}
        room={room}
        testId="facilitator-controls"
      />
      {closing && <CloseMeeting {...room} />}
      {state.phase === 'lobby' && <StartBelowQuorum {...room} />}
    </section>
  );
}

function memberControls(room: RoomControls, joined: boolean): Control[] {
  const { state, selfId, isFacilitator, statusOf } = room;
  const can = (command: MeetingCommand) => statusOf(command).enabled;
  const handUp = state.queue.hands.includes(selfId) || state.queue.floor?.personId === selfId;
  const controls: Control[] = [];
  // The presenter answers: hands and the floor are not theirs during their own slot.
  const presenting = selfId === currentPresenterId(state);
  if (presenting) {
    // Nothing about hands or the floor: only the presenter's own controls below.
  } else if (!isFacilitator || can({ type: 'hand:raise' }) || can({ type: 'hand:lower' })) {
    controls.push(
      handUp
        ? { label: 'Lower your hand', command: { type: 'hand:lower' } }
        : { label: 'Raise your hand', command: { type: 'hand:raise' }, primary: joined },
    );
  }
  if (!presenting && (!isFacilitator || can({ type: 'turn:pass' }))) {
    // `turn:pass` ends a turn in a round, or gives up the floor: name what it does now.
    const label = ROUND_PHASES.includes(state.phase) ? 'Finish my turn' : 'Give up the floor';
    controls.push({ label, command: { type: 'turn:pass' } });
  }
  if (can({ type: 'presenting:finish' })) {
    controls.push({
      label: 'I have finished presenting',
      command: { type: 'presenting:finish' },
      primary: true,
    });
  }
  if (!isFacilitator) {
    controls.push({ label: 'Ready to move on', command: { type: 'ready:signal' } });
  }
  // The appointed facilitator who handed over (to present, say) can take it back.
  if (!isFacilitator && selfId === state.facilitatorId && joined) {
    controls.push({
      label: 'Take facilitation back',
      command: { type: 'facilitation:handover', personId: selfId },
    });
  }
  return controls;
}

/** Everyone's own controls: join or send apologies; as a member, hands, pass and ready. */
export function ParticipantControls(room: RoomControls) {
  const { state, selfId, isFacilitator } = room;
  const status = state.attendance[selfId]?.status;
  const joined = status === 'present' || status === 'late';
  const controls: Control[] = [];
  if (!joined) {
    controls.push({ label: 'Join the meeting', command: { type: 'meeting:join' }, primary: true });
    controls.push({ label: 'Send apologies', command: { type: 'apologies:send' } });
  }
  controls.push(...memberControls(room, joined));
  if (controls.length === 0) return null;
  const title = isFacilitator ? 'Joining' : 'Your controls';
  return (
    <section aria-labelledby="own-controls-heading" className="app-meeting-panel">
      <h2 className="nhsuk-heading-s" id="own-controls-heading">
        {title}
      </h2>
      <ControlButtons label={title} controls={controls} room={room} testId="member-controls" />
    </section>
  );
}

/**
 * Without a quorum the facilitator may still start, saying why (kept with the meeting, M14):
 * sets agree in their contract what happens when too few can come.
 */
function StartBelowQuorum(room: RoomControls) {
  const { state, statusOf, send, busy } = room;
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  if (hasQuorum(state)) return null;
  // Asks the reducer whether a start with some reason would be accepted now.
  const command = { type: 'meeting:start', belowQuorumReason: 'a reason' } as const;
  const status = statusOf(command);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (busy || !status.enabled) return;
    const trimmed = reason.trim();
    if (trimmed === '') {
      setError('Say why the meeting starts without a quorum');
      return;
    }
    setError(null);
    send({ type: 'meeting:start', belowQuorumReason: trimmed });
  };
  return (
    <form noValidate onSubmit={submit} className="app-meeting-tool" data-testid="below-quorum-form">
      <div className={`nhsuk-form-group${error ? ' nhsuk-form-group--error' : ''}`}>
        <label className="nhsuk-label" htmlFor="below-quorum-reason">
          Start without a quorum: why?
        </label>
        <div className="nhsuk-hint" id="below-quorum-hint">
          Kept with the meeting’s record, for the set to see.
        </div>
        {error && (
          <span className="nhsuk-error-message" id="below-quorum-error">
            <span className="nhsuk-u-visually-hidden">Error: </span>
            {error}
          </span>
        )}
        <input
          className={`nhsuk-input${error ? ' nhsuk-input--error' : ''}`}
          id="below-quorum-reason"
          name="reason"
          type="text"
          maxLength={300}
          value={reason}
          onChange={(event) => setReason(event.target.value)}
          aria-describedby={`below-quorum-hint${error ? ' below-quorum-error' : ''}`}
        />
      </div>
      <CommandButton status={status} busy={busy} submit>
        Start without a quorum
      </CommandButton>
    </form>
  );
}
