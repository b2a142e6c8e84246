import type { SetView } from '@setboard/shared';
import { MeetingRoomLinks } from '../features/meeting/MeetingRoomLinks';
import { SetPage } from '../features/set/SetPage';
import { SetNotes } from '../features/set-notes/SetNotes';

/** The set page shows each feature's live content for the set; features never import each other. */
const renderSetContent = (setId: string) => <SetNotes setId={setId} />;
const renderMeetingRooms = (set: SetView) => <MeetingRoomLinks set={set} />;

/** The set page with its live notes and meeting links: loaded on demand (it brings Yjs). */
export function SetPageWithContent() {
  return <SetPage renderContent={renderSetContent} renderMeetingRooms={renderMeetingRooms} />;
}
