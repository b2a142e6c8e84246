import { useOpenMeeting } from '../hooks/use-open-meeting';

interface NotOpenYetProps {
  setId: string;
  meetingIndex: number;
  isFacilitator: boolean;
  /** Subscribes again once the meeting exists. */
  onOpened: () => void;
}

/** The meeting has not been opened: the facilitator may open it; others are let in once it is. */
export function NotOpenYet({ setId, meetingIndex, isFacilitator, onOpened }: NotOpenYetProps) {
  const { open, busy, problem } = useOpenMeeting(setId, meetingIndex);
  if (!isFacilitator) {
    return (
      <div className="nhsuk-inset-text" data-testid="room-not-open">
        <span className="nhsuk-u-visually-hidden">Information: </span>
        <p>The facilitator has not opened this meeting room yet.</p>
        <p>You can stay on this page: the meeting will appear here once it opens.</p>
        <button type="button" className="nhsuk-button nhsuk-button--secondary" onClick={onOpened}>
          Check again
        </button>
      </div>
    );
  }
  return (
    <div className="nhsuk-inset-text" data-testid="room-not-open">
      <p>This meeting room is not open yet. Open it so the set can join.</p>
      {problem && (
        <p className="nhsuk-error-message" role="alert">
          {problem}
        </p>
      )}
      <button
        type="button"
        className="nhsuk-button"
        disabled={busy}
        onClick={() => void open().then((opened) => opened && onOpened())}
      >
        Open the meeting room
      </button>
    </div>
  );
}
