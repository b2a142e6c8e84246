import type { Slot } from '@setboard/shared';
import { useEffect, useRef, useState } from 'react';
import { STAGE_LABELS } from '../../../live-meeting/meeting-labels';
import type { RoomControls } from '../lib/room-controls';
import { type MoveDirection, minutesText, moveSlotCommand, slotPlan } from '../lib/slot-plan';
import { CommandButton } from '../../../live-meeting/CommandButton';

const NOT_MOVABLE = {
  up: 'This slot is first already.',
  down: 'This slot is last already.',
} as const;

/** Where focus should land once the server has the new order (the button just pressed). */
interface FocusAfterMove {
  slotId: string;
  direction: MoveDirection;
}

/** The slots' ids in order, to notice a new order. */
function orderOf(slots: readonly Slot[]): string {
  return slots.map((slot) => slot.id).join(' ');
}

function SlotSummary({ slot, room }: { slot: Slot; room: RoomControls }) {
  const running = slot.status === 'running' && slot.stage;
  return (
    <div className="app-slots__summary">
      <p className="app-slots__presenter">
        <strong>{room.nameOf(slot.presenterId)}</strong>
        <span className="app-slots__minutes"> – {minutesText(slot.minutes)}</span>
        {slot.status === 'complete' && (
          <strong className="nhsuk-tag nhsuk-tag--grey app-slots__tag">Complete</strong>
        )}
        {running && (
          <strong className="nhsuk-tag nhsuk-tag--blue app-slots__tag">
            Now: {STAGE_LABELS[slot.stage!]}
          </strong>
        )}
      </p>
      <p className="nhsuk-body-s app-slots__synopsis">{slot.synopsis || 'No synopsis given.'}</p>
    </div>
  );
}

/** Asks before a slot is carried to the next meeting: deferral cannot be undone here. */
function DeferControl({
  slot,
  room,
  onDeferred,
}: {
  slot: Slot;
  room: RoomControls;
  onDeferred: () => void;
}) {
  const [confirming, setConfirming] = useState(false);
  const returnFocus = useRef(false);
  const deferButton = useRef<HTMLButtonElement | null>(null);
  const confirmButton = useRef<HTMLButtonElement | null>(null);
  const command = { type: 'slot:defer' as const, slotId: slot.id };
  const name = room.nameOf(slot.presenterId);

  useEffect(() => {
    if (confirming) {
      confirmButton.current?.focus();
    } else if (returnFocus.current) {
      returnFocus.current = false;
      deferButton.current?.focus();
    }
  }, [confirming]);

  if (!confirming) {
    return (
      <CommandButton
        status={room.statusOf(command)}
        busy={room.busy}
        small
        buttonRef={deferButton}
        onPress={() => setConfirming(true)}
      >
        Defer to the next meeting<span className="nhsuk-u-visually-hidden"> ({name})</span>
      </CommandButton>
    );
  }
  return (
    <div className="app-slots__confirm" role="group" aria-label={`Defer ${name}’s slot`}>
      <p className="nhsuk-body-s app-slots__question">
        Defer {name}’s slot to the next meeting? It will not run today.
      </p>
      <CommandButton
        status={room.statusOf(command)}
        busy={room.busy}
        variant="warning"
        small
        buttonRef={confirmButton}
        onPress={() => {
          returnFocus.current = true;
          setConfirming(false);
          onDeferred();
          room.send(command);
        }}
      >
        Yes, defer it<span className="nhsuk-u-visually-hidden"> ({name})</span>
      </CommandButton>
      <button
        type="button"
        className="nhsuk-button nhsuk-button--secondary nhsuk-button--small app-slots__cancel"
        onClick={() => {
          returnFocus.current = true;
          setConfirming(false);
        }}
      >
        Keep it on the plan<span className="nhsuk-u-visually-hidden"> ({name})</span>
      </button>
    </div>
  );
}

function MoveControl({
  slot,
  direction,
  room,
  onMoved,
}: {
  slot: Slot;
  direction: MoveDirection;
  room: RoomControls;
  onMoved: (target: FocusAfterMove) => void;
}) {
  const command = moveSlotCommand(room.state, slot.id, direction);
  const status = command
    ? room.statusOf(command)
    : { enabled: false as const, reason: NOT_MOVABLE[direction] };
  return (
    <CommandButton
      status={status}
      busy={room.busy}
      small
      data={{ 'data-slot-id': slot.id, 'data-move': direction }}
      onPress={() => {
        if (!command) return;
        onMoved({ slotId: slot.id, direction });
        room.send(command);
      }}
    >
      {direction === 'up' ? 'Move up' : 'Move down'}
      <span className="nhsuk-u-visually-hidden"> ({room.nameOf(slot.presenterId)})</span>
    </CommandButton>
  );
}

interface SlotActionsProps {
  slot: Slot;
  room: RoomControls;
  onMoved: (target: FocusAfterMove) => void;
  onDeferred: () => void;
}

function FacilitatorSlotActions({ slot, room, onMoved, onDeferred }: SlotActionsProps) {
  return (
    <div className="app-control-bar app-slots__actions">
      {slot.status === 'planned' && (
        <>
          <MoveControl slot={slot} direction="up" room={room} onMoved={onMoved} />
          <MoveControl slot={slot} direction="down" room={room} onMoved={onMoved} />
        </>
      )}
      <DeferControl slot={slot} room={room} onDeferred={onDeferred} />
    </div>
  );
}

/** The bids (planned slots) in the facilitator's order, for everyone; the facilitator orders them. */
export function SlotPlan(room: RoomControls) {
  const { state, isFacilitator } = room;
  const plan = slotPlan(state);
  const list = useRef<HTMLOListElement | null>(null);
  const pendingFocus = useRef<(FocusAfterMove & { orderBefore: string }) | null>(null);
  const order = orderOf(state.slots);
  const onMoved = (target: FocusAfterMove) => {
    pendingFocus.current = { ...target, orderBefore: order };
  };
  const deferredHeading = useRef<HTMLHeadingElement | null>(null);
  const deferredCount = plan.deferred.length;
  const focusDeferredFrom = useRef<number | null>(null);
  const onDeferred = () => {
    focusDeferredFrom.current = deferredCount;
  };

  // Reordering moves the list items, and a moved item loses focus: put it back on the button
  // that was pressed, once the new order has arrived.
  useEffect(() => {
    const pending = pendingFocus.current;
    if (!pending || pending.orderBefore === order) return;
    pendingFocus.current = null;
    list.current
      ?.querySelector<HTMLButtonElement>(
        `[data-slot-id="${pending.slotId}"][data-move="${pending.direction}"]`,
      )
      ?.focus();
  }, [order]);

  // A deferred slot leaves the list, and its buttons with it: focus its new place.
  useEffect(() => {
    const before = focusDeferredFrom.current;
    if (before === null || deferredCount <= before) return;
    focusDeferredFrom.current = null;
    deferredHeading.current?.focus();
  }, [deferredCount]);

  const slots = [...plan.running, ...plan.planned];
  return (
    <section aria-labelledby="slot-plan-heading" className="app-meeting-panel">
      <h2 className="nhsuk-heading-s" id="slot-plan-heading">
        {state.phase === 'bidding' ? 'Bids for airtime' : 'Presenter slots'}
      </h2>
      {slots.length === 0 ? (
        <p className="nhsuk-body" data-testid="no-slots">
          No one has bid for a slot yet.
        </p>
      ) : (
        <ol className="app-slots" data-testid="slot-plan" ref={list}>
          {slots.map((slot) => (
            <li key={slot.id} className="app-slots__item" data-testid="slot">
              <SlotSummary slot={slot} room={room} />
              {isFacilitator && slot.status !== 'complete' && slot.stage !== 'complete' && (
                <FacilitatorSlotActions
                  slot={slot}
                  room={room}
                  onMoved={onMoved}
                  onDeferred={onDeferred}
                />
              )}
            </li>
          ))}
        </ol>
      )}
      {plan.deferred.length > 0 && (
        <>
          <h3 className="nhsuk-heading-xs" tabIndex={-1} ref={deferredHeading}>
            Deferred to the next meeting
          </h3>
          <ul className="app-slots" data-testid="deferred-slots">
            {plan.deferred.map((slot) => (
              <li key={slot.id} className="app-slots__item">
                <SlotSummary slot={slot} room={room} />
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
