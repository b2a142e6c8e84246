/**
 * Which sessions this instance has admitted to which documents, so the connection sweep can
 * re-check them (the doc registry knows its peers but not why they were let in). One entry per
 * (session, person, set) — a handful per person — forgotten when the sweep closes them.
 */
export interface DocAdmissionEntry {
  sessionKey: string;
  personId: string;
  /** The set whose membership let them in; null for their own learning log. */
  setId: string | null;
}

export class OpenDocAdmissions {
  private readonly entries = new Map<string, DocAdmissionEntry>();

  record(entry: DocAdmissionEntry): void {
    this.entries.set(keyOf(entry), entry);
  }

  list(): DocAdmissionEntry[] {
    return [...this.entries.values()];
  }

  forget(entry: DocAdmissionEntry): void {
    this.entries.delete(keyOf(entry));
  }
}

function keyOf(entry: DocAdmissionEntry): string {
  return `${entry.sessionKey}\u0000${entry.personId}\u0000${entry.setId ?? ''}`;
}
