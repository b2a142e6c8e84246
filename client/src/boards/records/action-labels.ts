/**
 * The words above an action's fields, by whose action it is: the owner reads their own plan in
 * the first person (as they wrote it); everyone else reads it under the owner's name, never as
 * "What I will do" (which reads as if it were theirs).
 */
export interface ActionLabels {
  what: string;
  intendedOutcome: string;
  howWillIKnow: string;
  due: string;
  status: string;
  statusNote: string;
}

/** `ownerName` is null when the person reading is the action's owner. */
export function actionLabels(ownerName: string | null): ActionLabels {
  if (ownerName === null) {
    return {
      what: 'What I will do',
      intendedOutcome: 'What I want it to achieve',
      howWillIKnow: 'How I will know',
      due: 'Due by',
      status: 'Status',
      statusNote: 'What I learned',
    };
  }
  return {
    what: `What ${ownerName} will do`,
    intendedOutcome: `What ${ownerName} wants it to achieve`,
    howWillIKnow: `How ${ownerName} will know`,
    due: 'Due by',
    status: 'Status',
    statusNote: `What ${ownerName} learned`,
  };
}
