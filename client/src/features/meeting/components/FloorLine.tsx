import type { MeetingState } from '@setboard/shared';

/**
 * Who has the floor and whose hands are up, in one line at the top of the room, so the queue is
 * visible without scrolling on any screen (the full list with its controls is beside or below).
 */
export function FloorLine({
  state,
  nameOf,
}: {
  state: MeetingState;
  nameOf: (personId: string) => string;
}) {
  const { floor, hands } = state.queue;
  if (!floor && hands.length === 0) return null;
  return (
    <p className="nhsuk-body-s app-floor-line" data-testid="floor-line">
      {floor && (
        <>
          <strong>Has the floor:</strong> {nameOf(floor.personId)}.{' '}
        </>
      )}
      <strong>Hands up:</strong>{' '}
      {hands.length === 0 ? 'none' : hands.map((personId) => nameOf(personId)).join(', ')}.
    </p>
  );
}
