import { RadiosField, TextField } from '../fields';
import type { FieldErrors } from '../form-errors';
import { QUORUM_TEXT, SETTING_TEXT, SIZE_TEXT } from '../set-settings-text';
import type { SettingsDraft, SizeAndSettingsDraft } from './settings-draft';

interface SettingsFieldsProps<D extends SizeAndSettingsDraft> {
  draft: D;
  onChange: (draft: D) => void;
  errors: FieldErrors;
}

type RadioSetting = Exclude<keyof SettingsDraft, 'quorum'>;
const RADIO_SETTINGS: readonly RadioSetting[] = [
  'timeAllocation',
  'timing',
  'advicePolicy',
  'queue',
  'adviceCheck',
  'facilitatorAsksContentQuestions',
  'notesPolicy',
];

/** Size limits and how the set works, each choice explained. The set can change them later. */
export function SettingsFields<D extends SizeAndSettingsDraft>({
  draft,
  onChange,
  errors,
}: SettingsFieldsProps<D>) {
  const setSetting = <K extends keyof SettingsDraft>(key: K, value: SettingsDraft[K]) =>
    onChange({ ...draft, settings: { ...draft.settings, [key]: value } });
  return (
    <>
      <fieldset className="nhsuk-fieldset" aria-describedby="size-hint">
        <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--m">
          <h2 className="nhsuk-fieldset__heading">{SIZE_TEXT.question}</h2>
        </legend>
        <div className="nhsuk-hint" id="size-hint">
          {SIZE_TEXT.hint}
        </div>
        <div className="app-time-pair">
          <TextField
            path="sizeLimits.min"
            label="Smallest"
            inputMode="numeric"
            width={3}
            value={draft.sizeMin}
            onChange={(sizeMin) => onChange({ ...draft, sizeMin })}
            error={errors['sizeLimits.min']}
          />
          <TextField
            path="sizeLimits.max"
            label="Largest"
            inputMode="numeric"
            width={3}
            value={draft.sizeMax}
            onChange={(sizeMax) => onChange({ ...draft, sizeMax })}
            error={errors['sizeLimits.max']}
          />
        </div>
      </fieldset>

      <h2 className="nhsuk-heading-m">How the set works</h2>
      <p className="nhsuk-body">The set can change these later, for example at a process review.</p>
      {RADIO_SETTINGS.map((key) => {
        const text = SETTING_TEXT[key];
        return (
          <RadiosField<string>
            key={key}
            path={`settings.${key}`}
            label={text.question}
            {...(text.hint ? { hint: text.hint } : {})}
            choices={text.choices}
            value={draft.settings[key]}
            onChange={(value) => setSetting(key, value as SettingsDraft[typeof key])}
            error={errors[`settings.${key}`]}
          />
        );
      })}
      <TextField
        path="settings.quorum"
        label={QUORUM_TEXT.question}
        hint={QUORUM_TEXT.hint}
        inputMode="numeric"
        width={3}
        value={draft.settings.quorum}
        onChange={(quorum) => setSetting('quorum', quorum)}
        error={errors['settings.quorum']}
      />
    </>
  );
}
