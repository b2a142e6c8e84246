import { z } from 'zod';
import { EntityId, LinkToken } from './common.js';
import { ProfileInput } from './people.js';
import { SessionView } from './session.js';
import { MeetingPlan } from './sets.js';

/** What a link lets its holder do: join a set (as member or facilitator), become an organiser,
 * or sign in again on a new device. */
export const LinkKind = z.enum(['member', 'facilitator', 'organiser', 'sign_in']);
export type LinkKind = z.infer<typeof LinkKind>;

/** Days a link stays usable unless its creator says otherwise. */
export const DEFAULT_LINK_EXPIRY_DAYS = 14;

/** `POST /api/sets/:setId/invitations`. */
export const CreateInvitationRequest = z.object({
  role: z.enum(['member', 'facilitator']),
  /** Whom it is for; when the deployment sends mail, the invitation is e-mailed there. */
  email: z.union([z.literal(''), z.email('Enter an email address like name@nhs.net')]).default(''),
  note: z.string().trim().max(200).default(''),
  expiresInDays: z.number().int().min(1).max(60).default(DEFAULT_LINK_EXPIRY_DAYS),
});
export type CreateInvitationRequest = z.input<typeof CreateInvitationRequest>;

/** `POST /api/organiser-invitations`. */
export const CreateOrganiserInvitationRequest = CreateInvitationRequest.omit({ role: true });
export type CreateOrganiserInvitationRequest = z.input<typeof CreateOrganiserInvitationRequest>;

/** `POST /api/sets/:setId/sign-in-links`: a way back in for a member on a new device. */
export const CreateSignInLinkRequest = z.object({
  personId: EntityId,
  expiresInDays: z.number().int().min(1).max(14).default(2),
});
export type CreateSignInLinkRequest = z.input<typeof CreateSignInLinkRequest>;

export const LinkStatus = z.enum(['pending', 'used', 'declined', 'revoked', 'expired']);
export type LinkStatus = z.infer<typeof LinkStatus>;

/** A link as its creators see it; the token itself is shown once, when it is made. */
export const LinkView = z.object({
  id: EntityId,
  kind: LinkKind,
  setId: EntityId.nullable(),
  email: z.string(),
  note: z.string(),
  status: LinkStatus,
  createdAt: z.number(),
  expiresAt: z.number(),
  createdByName: z.string(),
  /** Who redeemed it (for used sign-in links, whom it was for). */
  personName: z.string().nullable(),
});
export type LinkView = z.infer<typeof LinkView>;

/** The answer to creating a link: its record and the address to copy. */
export const CreatedLink = z.object({
  link: LinkView,
  url: z.url(),
  /** True when the invitation was also e-mailed to the address entered (mail configured). */
  mailed: z.boolean().optional(),
});
export type CreatedLink = z.infer<typeof CreatedLink>;

/** `POST /api/invitations/inspect` and `/redeem` carry the token in the body, never the URL. */
export const TokenRequest = z.object({ token: LinkToken });
export type TokenRequest = z.infer<typeof TokenRequest>;

/** What an invitation page shows before the person decides. */
export const InvitationPreview = z.object({
  kind: LinkKind,
  set: z
    .object({
      name: z.string(),
      purpose: z.string(),
      meetings: z.array(MeetingPlan),
      groundRules: z.array(z.string()),
      facilitatorName: z.string().nullable(),
    })
    .nullable(),
  invitedByName: z.string(),
  email: z.string(),
});
export type InvitationPreview = z.infer<typeof InvitationPreview>;

/** `POST /api/invitations/redeem`. */
export const RedeemInvitationRequest = z.discriminatedUnion('decision', [
  z.object({ token: LinkToken, decision: z.literal('accept'), profile: ProfileInput }),
  z.object({ token: LinkToken, decision: z.literal('decline') }),
]);
export type RedeemInvitationRequest = z.input<typeof RedeemInvitationRequest>;

/** `POST /api/setup`: the first organiser, with the token printed at start-up. */
export const SetupRequest = z.object({ token: LinkToken, profile: ProfileInput });
export type SetupRequest = z.input<typeof SetupRequest>;

/** `GET /api/sets/:setId/links` and `GET /api/organiser-links`. */
export const LinkList = z.object({ links: z.array(LinkView) });
export type LinkList = z.infer<typeof LinkList>;

/** `POST /api/links/redeem`: the session now, and the set joined (null when declined, or for
 * organiser invitations). */
export const RedeemReply = z.object({ session: SessionView, setId: EntityId.nullable() });
export type RedeemReply = z.infer<typeof RedeemReply>;
