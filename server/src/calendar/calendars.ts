/** A person's calendar feed, and one meeting's `.ics` download. */
import type { SetRecord } from '../access/records.js';
import type { Sets } from '../access/sets.js';
import type { MyActions } from '../boards/my-actions.js';
import type { Store } from '../store/store.js';
import { actionEvent, buildCalendar, meetingEvent } from './calendar-events.js';
import { CalendarFeeds } from './calendar-feeds.js';
import { CalendarSequences } from './calendar-sequences.js';

export class Calendars {
  readonly feeds: CalendarFeeds;
  private readonly sequences: CalendarSequences;

  constructor(
    private readonly deps: {
      store: Store;
      sets: Sets;
      myActions: MyActions;
      now: () => number;
    },
  ) {
    this.feeds = new CalendarFeeds(deps);
    this.sequences = new CalendarSequences(deps.store);
  }

  /** One planned meeting, for "Add to my calendar". */
  async meeting(set: SetRecord, meetingIndex: number, appOrigin: string): Promise<string> {
    const plan = set.meetings[meetingIndex]!;
    const events = [meetingEvent(set, meetingIndex, plan, appOrigin)];
    const calendar = await buildCalendar(set.name, events, this.sequences, this.deps.now());
    return calendar.toString();
  }

  /** Everything in one person's feed: their sets' meetings and their own actions' due dates. */
  async feedOf(personId: string, appOrigin: string): Promise<string> {
    const sets = await this.deps.sets.ofPerson(personId);
    const meetings = sets.flatMap((set) =>
      set.meetings.map((plan, index) => meetingEvent(set, index, plan, appOrigin)),
    );
    const { actions } = await this.deps.myActions.of(personId);
    const dues = actions.flatMap((owned) => actionEvent(owned, appOrigin) ?? []);
    const calendar = await buildCalendar(
      'Setboard: my meetings and actions',
      [...meetings, ...dues],
      this.sequences,
      this.deps.now(),
    );
    return calendar.toString();
  }
}
