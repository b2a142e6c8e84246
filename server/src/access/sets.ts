/**
 * Sets and their membership. Membership lives inside the set record (a set has about ten
 * people), so every change to it is one compare-and-set; a per-person index answers "My sets".
 */
import type { CreateSetRequest, UpdateSetRequest } from '@setboard/shared';
import {
  activeRole,
  compositionWarnings,
  DEFAULT_GROUND_RULES,
  isActiveMember,
  lifecycleAfterMeeting,
  londonDateOf,
  lifecycleChangeRefusal,
  nextUnheldMeeting,
  planChangeIssues,
  setAllows,
  type MeetingProgress,
  type SetRole,
  type SetStanding,
  type SetSummary,
  type SetView,
  type ViewerRole,
} from '@setboard/shared';
import type { z } from 'zod';
import type { Store } from '../store/store.js';
import type { AuditLog } from './audit-log.js';
import { refuse } from './errors.js';
import {
  addToIndex,
  Collection,
  createRecord,
  readPerson,
  readSet,
  updateRecord,
  type MemberEntry,
  type SetRecord,
} from './records.js';
import { newId } from './tokens.js';

/** The actor's standing in a set, as the access policies need it. */
export function standingIn(set: SetRecord, personId: string | undefined): SetStanding {
  const entry = personId ? set.members[personId] : undefined;
  return entry ? { role: entry.role, status: entry.status } : null;
}

/** The person's role in the set while they are in it; null when they are not, or were removed. */
export function activeRoleIn(set: SetRecord | null, personId: string | undefined): SetRole | null {
  return set ? activeRole(standingIn(set, personId)) : null;
}

/** The set's current members and facilitator, with their ids, in the record's order. */
export function activeMembersOf(set: SetRecord): Array<[personId: string, entry: MemberEntry]> {
  return Object.entries(set.members).filter(([, entry]) => isActiveMember(entry));
}

/** Called when someone loses access to a set, so their live connections can be closed. */
export type AccessRevokedListener = (setId: string, personId: string) => void;

/**
 * Called once a set's membership changed (someone joined, left or became facilitator), so open
 * meetings can follow it. It reports its own failures: the membership change stands.
 */
export type MembershipChangedListener = (setId: string) => Promise<void>;

/** Where each of a set's planned meetings stands (read from the live meetings). */
export type MeetingProgressReader = (setId: string, count: number) => Promise<MeetingProgress[]>;

/** Called once a set's plan changed (dates, times, places), so calendars and reminders follow. */
export type PlanChangedListener = (setId: string) => Promise<void>;

export class Sets {
  constructor(
    private readonly deps: {
      store: Store;
      now: () => number;
      audit: AuditLog;
      onAccessRevoked: AccessRevokedListener;
      onMembershipChanged: MembershipChangedListener;
      meetingProgress: MeetingProgressReader;
    },
  ) {}

  /** Where each of the set's planned meetings stands. */
  progressOf(set: SetRecord): Promise<MeetingProgress[]> {
    return this.deps.meetingProgress(set.id, set.meetings.length);
  }

  /** Changes a set with compare-and-set (retrying on concurrent changes). */
  private change(setId: string, change: (set: SetRecord) => SetRecord): Promise<SetRecord> {
    return updateRecord<SetRecord>(this.deps.store, Collection.sets, setId, change);
  }

  async get(setId: string): Promise<SetRecord | null> {
    return readSet(this.deps.store, setId);
  }

  async create(input: z.output<typeof CreateSetRequest>, organiserId: string): Promise<SetRecord> {
    const set: SetRecord = {
      id: newId(),
      name: input.name,
      purpose: input.purpose,
      lifecycle: 'forming',
      meetings: input.meetings,
      sizeLimits: input.sizeLimits,
      settings: input.settings,
      groundRules: [...DEFAULT_GROUND_RULES],
      members: {},
      createdBy: organiserId,
      createdAt: this.deps.now(),
    };
    await createRecord(this.deps.store, Collection.sets, set.id, set);
    await this.deps.audit.record({ action: 'set.created', actorId: organiserId, setId: set.id });
    return set;
  }

  /**
   * Changes the set's details. A closed set changes only by being reopened; a new plan must
   * keep opened meetings' dates and times and the meetings' order; the lifecycle changes by hand
   * only to close or reopen (docs/set-year.md). Anything refused changes nothing.
   */
  async update(
    setId: string,
    patch: z.output<typeof UpdateSetRequest>,
    actorId: string,
  ): Promise<SetRecord> {
    const current = await this.get(setId);
    if (!current) throw refuse.notFound('That set');
    const progress = await this.progressOf(current);
    const issues = updateIssues(current, patch, progress);
    if (issues.length > 0) throw refuse.invalid(issues);
    const updated = await this.change(setId, (set) => {
      // Checked again on the fresh copy: someone may have changed the plan meanwhile.
      if (updateIssues(set, patch, progress).length > 0) throw refuse.conflict();
      return {
        ...set,
        ...Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined)),
      };
    });
    await this.deps.audit.record({
      action: 'set.updated',
      actorId,
      setId,
      detail: Object.keys(patch).join(','),
    });
    return updated;
  }

  /** Moves the lifecycle on when one of the set's meetings starts or closes. */
  async followMeeting(
    setId: string,
    meetingIndex: number,
    event: 'started' | 'closed',
  ): Promise<SetRecord> {
    return this.change(setId, (set) => ({
      ...set,
      lifecycle: lifecycleAfterMeeting(set.lifecycle, {
        index: meetingIndex,
        count: set.meetings.length,
        event,
      }),
    }));
  }

  /** Adds (or re-adds) a person; a new facilitator replaces the old one, who stays a member. */
  async addMember(setId: string, personId: string, role: SetRole): Promise<SetRecord> {
    const now = this.deps.now();
    const updated = await this.change(setId, (set) => {
      if (role === 'facilitator') demoteFacilitator(set);
      set.members[personId] = {
        role,
        status: 'active',
        joinedAt: set.members[personId]?.joinedAt ?? now,
        removedAt: null,
        requestedFacilitation: false,
      };
      return set;
    });
    await addToIndex(this.deps.store, Collection.personSets(personId), setId);
    await this.deps.onMembershipChanged(setId);
    return updated;
  }

  /** Removes a person's access at once; their record stays for the history of attendance. */
  async removeMember(setId: string, personId: string, actorId: string): Promise<SetRecord> {
    const updated = await this.change(setId, (set) => {
      const entry = activeEntry(set, personId);
      set.members[personId] = { ...entry, status: 'removed', removedAt: this.deps.now() };
      return set;
    });
    this.deps.onAccessRevoked(setId, personId);
    await this.deps.audit.record({ action: 'member.removed', actorId, setId, detail: personId });
    await this.deps.onMembershipChanged(setId);
    return updated;
  }

  async requestFacilitation(setId: string, personId: string): Promise<SetRecord> {
    const updated = await this.change(setId, (set) => {
      const entry = set.members[personId];
      if (!entry || activeRole(entry) !== 'member') throw refuse.forbidden();
      entry.requestedFacilitation = true;
      return set;
    });
    await this.deps.audit.record({ action: 'facilitation.requested', actorId: personId, setId });
    return updated;
  }

  async grantFacilitation(setId: string, personId: string, actorId: string): Promise<SetRecord> {
    const updated = await this.change(setId, (set) => {
      const entry = activeEntry(set, personId);
      demoteFacilitator(set);
      set.members[personId] = { ...entry, role: 'facilitator', requestedFacilitation: false };
      return set;
    });
    await this.deps.audit.record({
      action: 'facilitation.granted',
      actorId,
      setId,
      detail: personId,
    });
    await this.deps.onMembershipChanged(setId);
    return updated;
  }

  /** A person's name as the set knows them (for notices about them). */
  async personName(personId: string): Promise<string> {
    const person = await readPerson(this.deps.store, personId);
    return person?.name ?? 'Someone';
  }

  /** Every set (organisers' dashboard). */
  async all(): Promise<SetRecord[]> {
    return (await this.deps.store.list<SetRecord>(Collection.sets)).map((record) => record.value);
  }

  /** The sets a person is an active member or facilitator of. */
  async ofPerson(personId: string): Promise<SetRecord[]> {
    const index = await this.deps.store.list(Collection.personSets(personId));
    const sets = await Promise.all(index.map((entry) => this.get(entry.id)));
    return sets.filter((set): set is SetRecord => activeRoleIn(set, personId) !== null);
  }

  /** The set as `viewerRole` sees it: organisers and facilitators also get the mix warnings. */
  async view(set: SetRecord, viewerRole: ViewerRole): Promise<SetView> {
    const today = londonDateOf(this.deps.now());
    const members = await this.membersWithPeople(set);
    const progress = await this.progressOf(set);
    const view: SetView = {
      id: set.id,
      name: set.name,
      purpose: set.purpose,
      lifecycle: set.lifecycle,
      meetings: set.meetings,
      meetingProgress: progress,
      nextMeetingIndex: nextUnheldMeeting(set.meetings, progress, today),
      sizeLimits: set.sizeLimits,
      settings: set.settings,
      groundRules: set.groundRules,
      viewerRole,
      members: members.map(({ person, entry }) => ({
        person: {
          id: person.id,
          name: person.name,
          organisation: person.organisation,
          jobTitle: person.jobTitle,
          band: person.band,
          bio: person.bio,
        },
        role: entry.role,
        status: entry.status,
        joinedAt: entry.joinedAt,
        requestedFacilitation: entry.requestedFacilitation,
      })),
    };
    if (viewerRole !== 'member') view.composition = await this.composition(set);
    return view;
  }

  async summary(set: SetRecord, viewerRole: ViewerRole): Promise<SetSummary> {
    const today = londonDateOf(this.deps.now());
    const next = nextUnheldMeeting(set.meetings, await this.progressOf(set), today);
    return {
      id: set.id,
      name: set.name,
      lifecycle: set.lifecycle,
      viewerRole,
      nextMeeting: next === null ? null : (set.meetings[next] ?? null),
      nextMeetingNumber: next === null ? null : next + 1,
      memberCount: Object.values(set.members).filter((entry) => activeRole(entry) === 'member')
        .length,
      warningCount: viewerRole === 'member' ? 0 : (await this.composition(set)).length,
    };
  }

  private async composition(set: SetRecord) {
    const active = (await this.membersWithPeople(set)).filter(({ entry }) => isActiveMember(entry));
    return compositionWarnings(
      active.map(({ person, entry }) => ({
        name: person.name,
        organisation: person.organisation,
        band: person.band,
        role: entry.role,
      })),
      set.sizeLimits,
    );
  }

  private async membersWithPeople(set: SetRecord) {
    const entries = Object.entries(set.members);
    const people = await Promise.all(
      entries.map(([personId]) => readPerson(this.deps.store, personId)),
    );
    return entries.flatMap(([, entry], index) => {
      const person = people[index];
      return person ? [{ person, entry }] : [];
    });
  }
}

/** What is wrong with a change to the set, on the fields concerned; empty when it may go ahead. */
function updateIssues(
  set: SetRecord,
  patch: z.output<typeof UpdateSetRequest>,
  progress: readonly MeetingProgress[],
): { path: string; message: string }[] {
  const issues: { path: string; message: string }[] = [];
  const reopening = patch.lifecycle !== undefined && patch.lifecycle !== 'closed';
  const changesDetails = Object.keys(patch).some((key) => key !== 'lifecycle');
  if (!setAllows(set.lifecycle, 'edit') && changesDetails && !reopening) {
    issues.push({ path: 'lifecycle', message: 'This set is closed. Reopen it to change it.' });
  }
  if (patch.lifecycle !== undefined) {
    const refusal = lifecycleChangeRefusal(set.lifecycle, patch.lifecycle, progress);
    if (refusal) issues.push({ path: 'lifecycle', message: refusal });
  }
  if (patch.meetings) issues.push(...planChangeIssues(set.meetings, patch.meetings, progress));
  return issues;
}

/** The person's entry if they are an active member of the set; otherwise "not found". */
function activeEntry(set: SetRecord, personId: string): MemberEntry {
  const entry = set.members[personId];
  if (!entry || !isActiveMember(entry)) throw refuse.notFound('That member');
  return entry;
}

function demoteFacilitator(set: SetRecord): void {
  for (const entry of Object.values(set.members)) {
    if (entry.role === 'facilitator') entry.role = 'member';
  }
}
