/**
 * What one board may hold and what one person may write to it (docs/protocol.md Y22), so no
 * member can make a board unusable for everyone with allowed writes, and an honest board that
 * nears its limit is noticed in time for the facilitator to rebuild it.
 *
 * - **Size**: the board's encoded state (what a page loading it receives) may not pass
 *   `sizeBytes`. Measuring it encodes the whole doc, so it is measured when the doc loads and
 *   then grown by what each stored update can add — an upper bound — and
 *   measured again only when that bound says a write would not fit. Each update counts as
 *   `growthOf` it, so the bound holds even for deletions that split text into pieces.
 * - **Allowance**: each person may grow one board by `perPersonPerDayBytes` in a day, counted
 *   on this instance (a connection lives on one instance; on Redis each instance counts its own).
 */
import * as Y from 'yjs';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { MAX_YJS_MESSAGE_BYTES, YjsCloseCode } from '@setboard/shared';

export interface BoardLimitSettings {
  /** The largest encoded state a board may reach, in bytes. */
  sizeBytes: number;
  /** How much one person may grow one board in a day, in bytes (`growthOf` their writes). */
  perPersonPerDayBytes: number;
}

/**
 * A board holding a year of a set's meetings is well under a megabyte; 4 MiB is room for far
 * more, and small enough that every page still loads it in a moment. A day's honest typing by
 * one person is tens of kilobytes (a three-hour meeting typed throughout, a few hundred).
 */
export const DEFAULT_BOARD_LIMITS: BoardLimitSettings = {
  sizeBytes: 4 * 1024 * 1024,
  perPersonPerDayBytes: 2 * 1024 * 1024,
};

const DAY_SECONDS = 24 * 60 * 60;

/**
 * The largest sync step 2 a connection may send (Y22): a page re-syncing sends the whole delete
 * set of its copy, which for a board with a long, busy history can outgrow the message cap while
 * adding nothing new. Room for a board at its size limit and one message more; what the doc
 * already has is taken out before the rest is held to the usual cap.
 */
export function largestSyncMessage(settings: BoardLimitSettings): number {
  return settings.sizeBytes + MAX_YJS_MESSAGE_BYTES;
}

/**
 * What a deleted range can add to a board beyond its own bytes: deleting inside a run of text
 * splits it, and each piece is then stored as an item of its own (its origin and length, about
 * a dozen bytes) — at most two splits a range. Deleting every other character of a long text
 * makes a board ten times larger with few bytes sent; charging for splits sees it.
 */
const SPLIT_BYTES = 16;

/** An upper bound on how much `update` can grow a board: its bytes, and its deletions' splits. */
export function growthOf(update: Uint8Array, deletedRanges: number): number {
  return update.byteLength + 2 * SPLIT_BYTES * deletedRanges;
}

/** Why a write was refused: the close code and reason its connection gets. */
export interface LimitRefusal {
  code: typeof YjsCloseCode.boardFull | typeof YjsCloseCode.writeAllowanceUsed;
  reason: string;
}

/** One board's size, measured when it loaded and grown by every update it stored since. */
export class BoardSize {
  private measured = 0;
  private grownSince = 0;

  constructor(
    private readonly doc: Y.Doc,
    private readonly limitBytes: number,
  ) {
    this.measure();
  }

  /** The board's size, at most this many bytes over (every update stored since it was measured). */
  get upperBound(): number {
    return this.measured + this.grownSince;
  }

  /** Whether `bytes` more still fit; measures afresh before saying no. */
  fits(bytes: number): boolean {
    if (this.upperBound + bytes <= this.limitBytes) return true;
    if (this.grownSince > 0) this.measure();
    return this.measured + bytes <= this.limitBytes;
  }

  /** An update that can grow the board by `bytes` was stored (by anyone, on any instance). */
  grew(bytes: number): void {
    this.grownSince += bytes;
  }

  /** Measures the board afresh (after taking in a whole stored log at once). */
  measure(): void {
    this.measured = Y.encodeStateAsUpdate(this.doc).byteLength;
    this.grownSince = 0;
  }
}

/** The limits of every board on this instance: each person's daily allowance, each board's size. */
export class BoardLimits {
  private readonly limiter: RateLimiterMemory;

  constructor(private readonly settings: BoardLimitSettings) {
    this.limiter = new RateLimiterMemory({
      keyPrefix: 'board-writes',
      points: settings.perPersonPerDayBytes,
      duration: DAY_SECONDS,
    });
  }

  /**
   * Counts a write of `bytes` (its growth, `growthOf`) by `personId` to `docName`; false once
   * the day's allowance is used.
   */
  async spend(docName: string, personId: string, bytes: number): Promise<boolean> {
    try {
      await this.limiter.consume(`${docName}\n${personId}`, bytes);
      return true;
    } catch (outcome) {
      if (outcome instanceof RateLimiterRes) return false;
      throw outcome;
    }
  }

  /** The board's size guard, for a doc just loaded. */
  sizeOf(doc: Y.Doc): BoardSize {
    return new BoardSize(doc, this.settings.sizeBytes);
  }
}

export const BOARD_FULL: LimitRefusal = {
  code: YjsCloseCode.boardFull,
  reason: 'the board is full',
};

export const ALLOWANCE_USED: LimitRefusal = {
  code: YjsCloseCode.writeAllowanceUsed,
  reason: 'written enough for today',
};
