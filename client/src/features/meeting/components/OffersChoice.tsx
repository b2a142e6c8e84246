import { currentSlot } from '@setboard/shared';
import type { RoomControls } from '../lib/room-controls';
import { CommandButton } from '../../../live-meeting/CommandButton';

/**
 * The presenter's choice of an offers round (resources or contacts from the set), shown only
 * when the set's ground rules allow one. Both choices stay visible; the one in force is said in
 * words, and the reducer says when it is too late to change it.
 */
export function OffersChoice(room: RoomControls) {
  const { state, selfId, statusOf, send, busy } = room;
  const slot = currentSlot(state);
  if (state.settings.advicePolicy !== 'offers_round_if_presenter_opts_in') return null;
  if (!slot || slot.presenterId !== selfId) return null;
  const optIn = { type: 'offers:choose' as const, optIn: true };
  const decline = { type: 'offers:choose' as const, optIn: false };
  return (
    <section aria-labelledby="offers-heading" className="app-meeting-panel">
      <h2 className="nhsuk-heading-s" id="offers-heading">
        Offers round
      </h2>
      <p className="nhsuk-body" data-testid="offers-choice">
        {slot.offersOptIn
          ? 'You have opted in: after reflecting back, members may offer resources or contacts.'
          : 'No offers round: members ask questions and reflect back only.'}
      </p>
      <div className="app-control-bar" role="group" aria-label="Offers round">
        {slot.offersOptIn ? (
          <CommandButton status={statusOf(decline)} busy={busy} onPress={() => send(decline)}>
            Decline an offers round
          </CommandButton>
        ) : (
          <CommandButton status={statusOf(optIn)} busy={busy} onPress={() => send(optIn)}>
            Opt in to an offers round
          </CommandButton>
        )}
      </div>
    </section>
  );
}
