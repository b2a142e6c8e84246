/**
 * The access policy of every Socket.IO command. A `Record` over every command name, so a command
 * without a policy does not compile; the authorisation matrix test [B1] checks each is enforced.
 */
import { AccessPolicy, type CommandName } from '@setboard/shared';

export const CommandPolicies: Record<CommandName, AccessPolicy> = {
  'clock:sync': AccessPolicy.signedIn,
};
