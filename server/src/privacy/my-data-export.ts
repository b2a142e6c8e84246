/** The shape of "Download my data", shared by the collector (my-data.ts) and its HTML index. */
import type { BoardWords } from './board-words.js';

/** What the JSON file holds. */
export interface MyDataExport {
  exportedAt: string;
  profile: unknown;
  memberships: Array<{
    setId: string;
    setName: string;
    role: string;
    status: string;
    joinedAt: number;
    removedAt: number | null;
  }>;
  sessions: Array<{ createdAt: number; lastSeenAt: number; expiresAt: number }>;
  links: Array<{
    kind: string;
    setId: string | null;
    email: string;
    createdAt: number;
    status: string;
  }>;
  auditEvents: Array<{ at: number; action: string; setId: string | null; detail: string }>;
  apologies: Array<{ meetingId: string; message: string; sentAt: number }>;
  notifications: unknown[];
  learningLog: Record<string, unknown>;
  boards: BoardWords[];
  actionsAndObjectives: unknown;
}
