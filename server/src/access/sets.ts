/**
 * Sets and their membership. Membership lives inside the set record (a set has about ten
 * people), so every change to it is one compare-and-set; a per-person index answers "My sets".
 */
import type { CreateSetRequest, UpdateSetRequest } from '@setboard/shared';
import {
  compositionWarnings,
  DEFAULT_GROUND_RULES,
  nextMeeting,
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
  readRecord,
  updateRecord,
  type MemberEntry,
  type PersonRecord,
  type SetRecord,
} from './records.js';
import { newId } from './tokens.js';

/** The actor's standing in a set, as the access policies need it. */
export function standingIn(set: SetRecord, personId: string | undefined): SetStanding {
  const entry = personId ? set.members[personId] : undefined;
  return entry ? { role: entry.role, status: entry.status } : null;
}

/** Called when someone loses access to a set, so their live connections can be closed. */
export type AccessRevokedListener = (setId: string, personId: string) => void;

/**
 * Called once a set's membership changed (someone joined, left or became facilitator), so open
 * meetings can follow it. It reports its own failures: the membership change stands.
 */
export type MembershipChangedListener = (setId: string) => Promise<void>;

export class Sets {
  constructor(
    private readonly deps: {
      store: Store;
      now: () => number;
      audit: AuditLog;
      onAccessRevoked: AccessRevokedListener;
      onMembershipChanged: MembershipChangedListener;
    },
  ) {}

  /** Changes a set with compare-and-set (retrying on concurrent changes). */
  private change(setId: string, change: (set: SetRecord) => SetRecord): Promise<SetRecord> {
    return updateRecord<SetRecord>(this.deps.store, Collection.sets, setId, change);
  }

  async get(setId: string): Promise<SetRecord | null> {
    return readRecord<SetRecord>(this.deps.store, Collection.sets, setId);
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

  async update(
    setId: string,
    patch: z.output<typeof UpdateSetRequest>,
    actorId: string,
  ): Promise<SetRecord> {
    const updated = await this.change(setId, (set) => ({
      ...set,
      ...Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined)),
    }));
    await this.deps.audit.record({
      action: 'set.updated',
      actorId,
      setId,
      detail: Object.keys(patch).join(','),
    });
    return updated;
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
      if (!entry || entry.status !== 'active' || entry.role !== 'member') throw refuse.forbidden();
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

  /** Every set (organisers' dashboard). */
  async all(): Promise<SetRecord[]> {
    return (await this.deps.store.list<SetRecord>(Collection.sets)).map((record) => record.value);
  }

  /** The sets a person is an active member or facilitator of. */
  async ofPerson(personId: string): Promise<SetRecord[]> {
    const index = await this.deps.store.list(Collection.personSets(personId));
    const sets = await Promise.all(index.map((entry) => this.get(entry.id)));
    return sets.filter(
      (set): set is SetRecord => set !== null && set.members[personId]?.status === 'active',
    );
  }

  /** The set as `viewerRole` sees it: organisers and facilitators also get the mix warnings. */
  async view(set: SetRecord, viewerRole: ViewerRole): Promise<SetView> {
    const members = await this.membersWithPeople(set);
    const view: SetView = {
      id: set.id,
      name: set.name,
      purpose: set.purpose,
      lifecycle: set.lifecycle,
      meetings: set.meetings,
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

  async summary(set: SetRecord, viewerRole: ViewerRole, today: string): Promise<SetSummary> {
    return {
      id: set.id,
      name: set.name,
      lifecycle: set.lifecycle,
      viewerRole,
      nextMeeting: nextMeeting(set.meetings, today),
      memberCount: Object.values(set.members).filter(
        (entry) => entry.status === 'active' && entry.role === 'member',
      ).length,
      warningCount: viewerRole === 'member' ? 0 : (await this.composition(set)).length,
    };
  }

  private async composition(set: SetRecord) {
    const active = (await this.membersWithPeople(set)).filter(
      ({ entry }) => entry.status === 'active',
    );
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
      entries.map(([personId]) =>
        readRecord<PersonRecord>(this.deps.store, Collection.people, personId),
      ),
    );
    return entries.flatMap(([, entry], index) => {
      const person = people[index];
      return person ? [{ person, entry }] : [];
    });
  }
}

/** The person's entry if they are an active member of the set; otherwise "not found". */
function activeEntry(set: SetRecord, personId: string): MemberEntry {
  const entry = set.members[personId];
  if (!entry || entry.status !== 'active') throw refuse.notFound('That member');
  return entry;
}

function demoteFacilitator(set: SetRecord): void {
  for (const entry of Object.values(set.members)) {
    if (entry.role === 'facilitator') entry.role = 'member';
  }
}
