/**
 * The set's contract as published (BOARD_ROOTS.set): versions frozen as plain text in
 * `contractVersions`, each member's agreement in `agreements`. Read by the set board and by the
 * set page, which shows only the version in force, numbered.
 */
import {
  type ContractAgreement,
  ContractAgreement as ContractAgreementSchema,
  ContractVersion,
} from '@setboard/shared';
import type * as Y from 'yjs';

export const CONTRACT_VERSIONS_ROOT = 'contractVersions';
export const AGREEMENTS_ROOT = 'agreements';

/** The published versions that match the schema, oldest first. */
export function readVersions(array: Y.Array<unknown>): ContractVersion[] {
  return array
    .toArray()
    .flatMap((item) => {
      const parsed = ContractVersion.safeParse(item);
      return parsed.success ? [parsed.data] : [];
    })
    .sort((a, b) => a.version - b.version);
}

/** Each person's agreement, by person id (malformed entries left out). */
export function readAgreements(map: Y.Map<unknown>): Map<string, ContractAgreement> {
  const agreements = new Map<string, ContractAgreement>();
  for (const [personId, value] of map.entries()) {
    const parsed = ContractAgreementSchema.safeParse(value);
    if (parsed.success) agreements.set(personId, parsed.data);
  }
  return agreements;
}

/** A version's rules, numbered on the page (the shared rule). */
export { rulesOfVersion as rulesOf } from '@setboard/shared';
