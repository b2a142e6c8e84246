/** The planned video call for this meeting (the set's plan), if it has one. */
export function VideoCallLink({ videoLink }: { videoLink: string }) {
  if (!videoLink) {
    return (
      <p className="nhsuk-body" data-testid="video-call">
        No video call link has been given for this meeting.
      </p>
    );
  }
  return (
    <p className="nhsuk-body" data-testid="video-call">
      <a href={videoLink} rel="noreferrer noopener" target="_blank">
        Join the video call (opens in a new tab)
      </a>
    </p>
  );
}
