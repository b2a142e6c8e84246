/**
 * What one editor shows of the board's awareness, and what it may say in it. The caret extension
 * reads carets from `getStates()` and writes this person's caret with `setLocalStateField`; it
 * is handed this view instead of the awareness itself, so that:
 *
 * - a locked editor never publishes a caret (its position would resolve in the writers' own
 *   editors: a reader's caret inside the presenter's issue);
 * - only people who may write in this field show a caret in it;
 * - a caret that has not moved for `IDLE_CARET_MS` is hidden until it moves again;
 * - everyone with the doc open gets a colour no one else there has (`distinctPresenceColours`).
 */
import { distinctPresenceColours } from '@setboard/shared';
import type { Awareness } from 'y-protocols/awareness';

/** A caret that has stood still this long belongs to someone who has stopped writing. */
export const IDLE_CARET_MS = 60_000;
/** How often idle carets are looked for. */
const IDLE_CHECK_MS = 2_000;

type AwarenessState = Record<string, unknown>;
type Listener = (...args: unknown[]) => void;
interface AwarenessChange {
  added: number[];
  updated: number[];
  removed: number[];
}

export interface CaretAwarenessOptions {
  /** False for a locked editor: it shows others' carets but never sends its own. */
  publish: boolean;
  now?: () => number;
}

function personIdOf(state: AwarenessState | undefined): string | null {
  const user = state?.user;
  if (typeof user !== 'object' || user === null) return null;
  const id = (user as { id?: unknown }).id;
  return typeof id === 'string' && id !== '' ? id : null;
}

/** The same caret position, compared by value (awareness states arrive as parsed JSON). */
function cursorKey(state: AwarenessState | undefined): string {
  return JSON.stringify(state?.cursor ?? null);
}

export class CaretAwareness {
  private readonly listeners = new Map<string, Set<Listener>>();
  /** When each client's caret last moved, and where it was. */
  private readonly moves = new Map<number, { at: number; key: string }>();
  private readonly hiddenIdle = new Set<number>();
  private timer: ReturnType<typeof setInterval> | null = null;
  private readonly now: () => number;
  /** Until the field says who may write in it, no one's caret shows. */
  private mayWrite: (personId: string) => boolean = () => false;

  constructor(
    private readonly awareness: Awareness,
    private readonly options: CaretAwarenessOptions,
  ) {
    this.now = options.now ?? Date.now;
    for (const [clientId, state] of awareness.getStates()) this.noteMove(clientId, state);
  }

  /** Whether the person with this id may write in the field (so their caret may show in it). */
  setMayWrite(rule: (personId: string) => boolean): void {
    this.mayWrite = rule;
    const change = { added: [], updated: [], removed: [] };
    this.emit('change', change, 'rule');
    this.emit('update', change, 'rule');
  }

  get clientID(): number {
    return this.awareness.clientID;
  }

  /** The carets this editor may draw: writers here, not this tab, not idle, in distinct colours. */
  getStates(): Map<number, AwarenessState> {
    const all = this.awareness.getStates() as Map<number, AwarenessState>;
    const colours = distinctPresenceColours(
      [...all.values()].map(personIdOf).filter((id): id is string => id !== null),
    );
    const shown = new Map<number, AwarenessState>();
    for (const [clientId, state] of all) {
      const personId = personIdOf(state);
      if (clientId === this.awareness.clientID || personId === null) continue;
      if (!this.mayWrite(personId) || this.isIdle(clientId)) continue;
      const user = { ...(state.user as object), colour: colours.get(personId) };
      shown.set(clientId, { ...state, user });
    }
    return shown;
  }

  /** The caret extension reads `awareness.states` as well as calling `getStates()`. */
  get states(): Map<number, AwarenessState> {
    return this.getStates();
  }

  getLocalState(): AwarenessState | null {
    return this.awareness.getLocalState() as AwarenessState | null;
  }

  setLocalStateField(field: string, value: unknown): void {
    if (this.options.publish) this.awareness.setLocalStateField(field, value);
  }

  on(event: string, listener: Listener): void {
    if (!this.listeners.has(event)) this.listeners.set(event, new Set());
    this.listeners.get(event)?.add(listener);
    if (this.listenerCount() === 1) this.start();
  }

  off(event: string, listener: Listener): void {
    this.listeners.get(event)?.delete(listener);
    if (this.listenerCount() === 0) this.stop();
  }

  private listenerCount(): number {
    let count = 0;
    for (const set of this.listeners.values()) count += set.size;
    return count;
  }

  private readonly onChange = (change: AwarenessChange, origin: unknown): void => {
    const states = this.awareness.getStates() as Map<number, AwarenessState>;
    for (const clientId of [...change.added, ...change.updated]) {
      this.noteMove(clientId, states.get(clientId));
    }
    for (const clientId of change.removed) {
      this.moves.delete(clientId);
      this.hiddenIdle.delete(clientId);
    }
    this.emit('change', change, origin);
  };

  private readonly onUpdate = (change: AwarenessChange, origin: unknown): void =>
    this.emit('update', change, origin);

  private noteMove(clientId: number, state: AwarenessState | undefined): void {
    const key = cursorKey(state);
    if (this.moves.get(clientId)?.key === key) return;
    this.moves.set(clientId, { at: this.now(), key });
    this.hiddenIdle.delete(clientId);
  }

  private isIdle(clientId: number): boolean {
    const move = this.moves.get(clientId);
    return move !== undefined && this.now() - move.at >= IDLE_CARET_MS;
  }

  /** Redraws when a caret has just gone idle, so it disappears without anyone else moving. */
  private checkIdle(): void {
    const gone: number[] = [];
    for (const clientId of this.moves.keys()) {
      if (this.isIdle(clientId) && !this.hiddenIdle.has(clientId)) {
        this.hiddenIdle.add(clientId);
        gone.push(clientId);
      }
    }
    if (gone.length > 0) {
      const change = { added: [], updated: gone, removed: [] };
      this.emit('change', change, 'idle');
      this.emit('update', change, 'idle');
    }
  }

  private emit(event: string, ...args: unknown[]): void {
    for (const listener of [...(this.listeners.get(event) ?? [])]) listener(...args);
  }

  private start(): void {
    this.awareness.on('change', this.onChange);
    this.awareness.on('update', this.onUpdate);
    this.timer = setInterval(() => this.checkIdle(), IDLE_CHECK_MS);
  }

  private stop(): void {
    this.awareness.off('change', this.onChange);
    this.awareness.off('update', this.onUpdate);
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }
}
