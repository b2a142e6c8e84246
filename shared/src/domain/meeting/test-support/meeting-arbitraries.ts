/**
 * [AT-C2] Generators for the meeting reducer's property tests: random command sequences whose
 * actors are mostly resolved against the state (so runs get deep into a meeting), clock jumps,
 * and random set settings.
 */
import fc from 'fast-check';
import type { MeetingCommand } from '../meeting-commands.js';
import type { MeetingState, Participant } from '../meeting-state.js';
import { ANN, BEN, FRAN, MO, OLGA, PAT, ZOE } from './meeting-driver.js';
import { currentPresenterId } from '../roles.js';
import { turnHolderId } from '../rounds.js';

/**
 * Who issues a step: usually the person the command is for (resolved against the state, so
 * sequences get deep into a meeting), sometimes anyone at all, to probe refusals.
 */
export const ActorChoice = fc.oneof(
  { weight: 4, arbitrary: fc.constant('natural') },
  {
    weight: 1,
    arbitrary: fc.constantFrom('acting', 'presenter', 'floor', FRAN, PAT, MO, ANN, BEN, OLGA, null),
  },
);
export type ActorChoice = string | null;

const person = fc.constantFrom(FRAN, PAT, MO, ANN, BEN, OLGA);

/**
 * A command, or a recipe for one that needs the state: a reorder of the planned slots, or a
 * change of the set's membership (the server's `roster:sync`).
 */
export type Recipe =
  | MeetingCommand
  | { type: 'reorder'; rotateBy: number }
  | { type: 'membership'; change: 'remove' | 'add' | 'appoint'; personId: string };

export const RecipeArb: fc.Arbitrary<Recipe> = fc.oneof(
  { weight: 12, arbitrary: fc.constant({ type: 'stage:advance' } as const) },
  { weight: 6, arbitrary: fc.constant({ type: 'tick' } as const) },
  {
    weight: 6,
    arbitrary: fc.constantFrom<MeetingCommand>(
      { type: 'hand:raise' },
      { type: 'hand:raise' },
      { type: 'question:asked' },
      { type: 'question:asked' },
      { type: 'hand:lower' },
      { type: 'turn:pass' },
    ),
  },
  { weight: 4, arbitrary: fc.constant({ type: 'meeting:join' } as const) },
  {
    weight: 6,
    arbitrary: fc.constantFrom<MeetingCommand>(
      { type: 'lobby:open' },
      { type: 'meeting:start' },
      { type: 'apologies:send' },
      { type: 'stage:back' },
      { type: 'hand:raise' },
      { type: 'hand:raise' },
      { type: 'hand:lower' },
      { type: 'turn:pass' },
      { type: 'bid:withdraw' },
      { type: 'ready:signal' },
      { type: 'presenting:finish' },
      { type: 'question:asked' },
      { type: 'question:asked' },
    ),
  },
  {
    weight: 3,
    arbitrary: fc.constantFrom<MeetingCommand>({ type: 'timer:pause' }, { type: 'timer:resume' }),
  },
  {
    weight: 1,
    arbitrary: fc.integer({ min: 1, max: 10 }).map((minutes) => ({
      type: 'timer:extend' as const,
      minutes,
    })),
  },
  {
    weight: 1,
    arbitrary: fc.integer({ min: 1, max: 15 }).map((minutes) => ({
      type: 'break:start' as const,
      minutes,
    })),
  },
  {
    weight: 1,
    arbitrary: fc
      .integer({ min: 0, max: 4 })
      .map((rotateBy) => ({ type: 'reorder' as const, rotateBy })),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom('m1-s1', 'm1-s2', 'm1-s3', 'nope').map((slotId) => ({
      type: 'slot:defer' as const,
      slotId,
    })),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      type: fc.constantFrom('floor:grant', 'queue:remove', 'facilitation:handover'),
      personId: person,
    }) as fc.Arbitrary<MeetingCommand>,
  },
  {
    weight: 3,
    arbitrary: fc.record({
      type: fc.constant('bid:place' as const),
      synopsis: fc.constantFrom('', 'Rotas', 'Budget'),
      minutes: fc.integer({ min: 5, max: 60 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.boolean().map((optIn) => ({ type: 'offers:choose' as const, optIn })),
  },
  {
    // Rare, or the set soon runs out of people: someone leaves, joins, or is appointed.
    weight: 1,
    arbitrary: fc.record({
      type: fc.constant('membership' as const),
      change: fc.constantFrom('remove' as const, 'add' as const, 'appoint' as const),
      personId: fc.constantFrom(FRAN, PAT, MO, ANN, BEN, ZOE),
    }),
  },
);

export const StepArb = fc.record({
  actor: ActorChoice,
  /** For "natural" commands anyone could issue (hands, bids, joining): who does. */
  someone: fc.constantFrom(PAT, MO, ANN, BEN, FRAN),
  recipe: RecipeArb,
  // Mostly small steps, sometimes a long silence or a jump past several deadlines.
  elapsedMs: fc.oneof(
    { weight: 3, arbitrary: fc.constant(0) },
    { weight: 6, arbitrary: fc.integer({ min: 1, max: 90_000 }) },
    { weight: 2, arbitrary: fc.integer({ min: 90_000, max: 40 * 60_000 }) },
  ),
});

export const SetupArb = fc.record({
  meetingNumber: fc.constantFrom(1, 2, 3),
  timing: fc.constantFrom('strict' as const, 'advisory' as const),
  timeAllocation: fc.constantFrom('equal' as const, 'bid' as const),
  advicePolicy: fc.constantFrom(
    'questions_only' as const,
    'offers_round_if_presenter_opts_in' as const,
  ),
  facilitatorAsksContentQuestions: fc.boolean(),
  queue: fc.constantFrom('floor' as const, 'open' as const),
  facilitatorTakesPart: fc.boolean(),
  quorum: fc.integer({ min: 2, max: 4 }),
  carryOver: fc.boolean(),
  /** Mostly start the meeting first (everyone joins but these); sometimes leave it unopened. */
  startFirst: fc.oneof({ weight: 9, arbitrary: fc.constant(true) }, fc.constant(false)),
  absentees: fc.subarray([ANN, BEN]),
});

const FACILITATOR_TYPES = new Set([
  'lobby:open',
  'meeting:start',
  'stage:advance',
  'stage:back',
  'timer:pause',
  'timer:resume',
  'timer:extend',
  'slots:reorder',
  'reorder',
  'slot:defer',
  'break:start',
  'floor:grant',
  'queue:remove',
  'facilitation:handover',
]);

function naturalActor(type: Recipe['type'], state: MeetingState, someone: string): string | null {
  if (type === 'tick' || type === 'membership') return null;
  if (FACILITATOR_TYPES.has(type)) return state.actingFacilitatorId;
  if (type === 'presenting:finish' || type === 'offers:choose') return currentPresenterId(state);
  if (type === 'question:asked' || type === 'turn:pass' || type === 'hand:lower')
    return state.queue.floor?.personId ?? turnHolderId(state) ?? someone;
  return someone;
}

export function resolveActor(
  choice: ActorChoice,
  state: MeetingState,
  type: Recipe['type'],
  someone: string,
): string | null {
  switch (choice) {
    case 'natural':
      return naturalActor(type, state, someone);
    case 'acting':
      return state.actingFacilitatorId;
    case 'presenter':
      return currentPresenterId(state) ?? PAT;
    case 'floor':
      return state.queue.floor?.personId ?? MO;
    default:
      return choice;
  }
}

/** The set's roster after a membership change (as the server would send it). */
function rosterAfter(state: MeetingState, change: string, personId: string): Participant[] {
  const others = state.roster.filter((entry) => entry.personId !== personId);
  switch (change) {
    case 'remove':
      return others;
    case 'add':
      return others.length === state.roster.length
        ? [...state.roster, { personId, role: 'member' }]
        : state.roster;
    default:
      // A new facilitator replaces the old one, who stays a member.
      return [
        ...others.map((entry) => ({ personId: entry.personId, role: 'member' as const })),
        { personId, role: 'facilitator' },
      ];
  }
}

export function resolveCommand(recipe: Recipe, state: MeetingState): MeetingCommand {
  if (recipe.type === 'membership')
    return { type: 'roster:sync', roster: rosterAfter(state, recipe.change, recipe.personId) };
  if (recipe.type !== 'reorder') return recipe;
  const planned = state.slots.filter((slot) => slot.status === 'planned').map((slot) => slot.id);
  const shift = planned.length ? recipe.rotateBy % planned.length : 0;
  return { type: 'slots:reorder', slotIds: [...planned.slice(shift), ...planned.slice(0, shift)] };
}
