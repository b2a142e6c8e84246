import type { MeetingCommand } from '@setboard/shared';
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

/** The facilitator's controls: lobby, start, move on and back, time out, more time. */
export function FacilitatorControls(room: RoomControls) {
  const { state } = room;
  const paused = state.pausedAt !== null;
  const controls: Control[] = [
    ...(state.phase === 'scheduled'
      ? [{ label: 'Open the lobby', command: { type: 'lobby:open' }, primary: true } as const]
      : []),
    ...(state.phase === 'scheduled' || state.phase === 'lobby'
      ? [{ label: 'Start the meeting', command: { type: 'meeting:start' }, primary: true } as const]
      : []),
    { label: 'Move on', command: { type: 'stage:advance' }, primary: state.phase !== 'lobby' },
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
    </section>
  );
}

function memberControls(room: RoomControls, joined: boolean): Control[] {
  const { state, selfId, isFacilitator, statusOf } = room;
  const can = (command: MeetingCommand) => statusOf(command).enabled;
  const handUp = state.queue.hands.includes(selfId) || state.queue.floor?.personId === selfId;
  const controls: Control[] = [];
  if (!isFacilitator || can({ type: 'hand:raise' }) || can({ type: 'hand:lower' })) {
    controls.push(
      handUp
        ? { label: 'Lower your hand', command: { type: 'hand:lower' } }
        : { label: 'Raise your hand', command: { type: 'hand:raise' }, primary: joined },
    );
  }
  if (!isFacilitator || can({ type: 'turn:pass' })) {
    controls.push({ label: 'Pass', command: { type: 'turn:pass' } });
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
