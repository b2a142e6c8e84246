/**
 * A connection as a document sees it. A module of its own, below the document and the parts it
 * uses (awareness, budgets), so none of them needs to import another to name a peer.
 */

/** Who is on the other end of a connection, as admitted at the upgrade. */
export interface PeerIdentity {
  personId: string;
  /** The name others see on this person's cursor (from their profile, never from the client). */
  displayName: string;
  /** The session that admitted them (its stored key), so signing out closes it. */
  sessionKey: string;
  /** The set whose membership admitted them (null for docs not tied to a set). */
  setId: string | null;
}

/** A connection holding the doc open, as the doc sees it. */
export interface DocPeer extends PeerIdentity {
  send(message: Uint8Array): void;
  close(code: number, reason: string): void;
  /** Charges sending `bytes` to the connection's budget (Y12); false when it is spent. */
  spend(bytes: number): Promise<boolean>;
  /** The server's own writer (`writeAsServer`): it stands by definition and receives nothing. */
  readonly isServer?: true;
}
