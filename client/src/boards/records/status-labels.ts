/** The words people see for the statuses of actions and objectives (British English). */
import type { ActionStatus, ObjectiveStatus } from '@setboard/shared';
import type { TagColour } from '../../ui/labels';

interface StatusLabel {
  label: string;
  colour: TagColour;
}

export const ACTION_STATUS_LABELS: Record<ActionStatus, StatusLabel> = {
  draft: { label: 'Draft', colour: 'grey' },
  committed: { label: 'Committed', colour: 'blue' },
  in_progress: { label: 'In progress', colour: 'blue' },
  done: { label: 'Done', colour: 'green' },
  partly_done: { label: 'Partly done', colour: 'yellow' },
  not_done: { label: 'Not done', colour: 'orange' },
  changed: { label: 'Changed', colour: 'purple' },
  carried_forward: { label: 'Carried forward', colour: 'yellow' },
  dropped: { label: 'Dropped', colour: 'grey' },
};

export const OBJECTIVE_STATUS_LABELS: Record<ObjectiveStatus, StatusLabel> = {
  draft: { label: 'Draft', colour: 'grey' },
  agreed: { label: 'Agreed', colour: 'blue' },
  on_track: { label: 'On track', colour: 'green' },
  at_risk: { label: 'At risk', colour: 'orange' },
  met: { label: 'Met', colour: 'green' },
  not_met: { label: 'Not met', colour: 'red' },
  dropped: { label: 'Dropped', colour: 'grey' },
};
