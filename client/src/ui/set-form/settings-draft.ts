/** A set's size limits and settings as typed into a form (creating or changing a set). */
import type { SetSettings } from '@setboard/shared';
import type { YesNo } from '../set-settings-text';

export interface SettingsDraft {
  timeAllocation: SetSettings['timeAllocation'];
  timing: SetSettings['timing'];
  advicePolicy: SetSettings['advicePolicy'];
  queue: SetSettings['queue'];
  adviceCheck: SetSettings['adviceCheck'];
  facilitatorAsksContentQuestions: YesNo;
  notesPolicy: SetSettings['notesPolicy'];
  quorum: string;
}

/** The part of a set's form the settings fields edit. */
export interface SizeAndSettingsDraft {
  sizeMin: string;
  sizeMax: string;
  settings: SettingsDraft;
}

/** The settings as the form shows them. */
export function settingsDraftOf(settings: SetSettings): SettingsDraft {
  return {
    ...settings,
    facilitatorAsksContentQuestions: settings.facilitatorAsksContentQuestions ? 'yes' : 'no',
    quorum: String(settings.quorum),
  };
}

/** A whole number as typed, or null. */
export function wholeNumber(text: string): number | null {
  return /^\s*\d{1,3}\s*$/.test(text) ? Number(text) : null;
}
