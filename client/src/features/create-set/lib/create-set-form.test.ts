import { describe, expect, it } from 'vitest';
import { partsFromIso } from '../../../ui/date-parts';
import {
  type CreateSetDraft,
  EMPTY_CREATE_SET_DRAFT,
  buildCreateSetRequest,
  errorsOnFields,
  fieldOrder,
  withFirstMeeting,
} from './create-set-form';

function filled(): CreateSetDraft {
  const draft = {
    ...EMPTY_CREATE_SET_DRAFT,
    name: 'Heads of Service 2017',
    purpose: 'Peer support for new heads of service',
  };
  return withFirstMeeting(draft, {
    ...draft.first,
    date: { day: '21', month: '9', year: '2017' },
    place: 'Room 4',
  });
}

describe('the create-a-set form', () => {
  it('plans four meetings three months apart from the first date', () => {
    expect(filled().laterDates).toEqual(
      ['2017-12-21', '2018-03-22', '2018-06-21'].map(partsFromIso),
    );
  });

  it('keeps edited later dates when the first meeting’s time changes, and replans on a new date', () => {
    const edited = ['2017-12-14', '2018-03-22', '2018-06-21'].map(partsFromIso);
    const draft = { ...filled(), laterDates: edited };
    const newTime = withFirstMeeting(draft, { ...draft.first, startTime: '09:30' });
    expect(newTime.laterDates).toEqual(edited);
    const newDate = withFirstMeeting(draft, { ...draft.first, date: partsFromIso('2017-10-02') });
    expect(newDate.laterDates).toEqual(
      // Mondays, on working days: 1 January and Easter Monday move to the Tuesday.
      ['2018-01-02', '2018-04-03', '2018-07-02'].map(partsFromIso),
    );
  });

  it('does not replan from a half-typed date', () => {
    const draft = filled();
    const halfTyped = { day: '21', month: '9', year: '201' };
    expect(withFirstMeeting(draft, { ...draft.first, date: halfTyped }).laterDates).toEqual(
      draft.laterDates,
    );
    const impossible = { day: '31', month: '2', year: '2018' };
    expect(withFirstMeeting(draft, { ...draft.first, date: impossible }).laterDates).toEqual(
      draft.laterDates,
    );
  });

  it('builds the request: every meeting at the first one’s times and place', () => {
    const draft = filled();
    const result = buildCreateSetRequest({ ...draft, first: { ...draft.first, startTime: '10' } });
    expect(result.ok).toBe(false);
    const typedLoosely = {
      ...draft,
      first: { ...draft.first, startTime: '10.00', endTime: '1300' },
    };
    const loose = buildCreateSetRequest(typedLoosely);
    if (!loose.ok) throw new Error(JSON.stringify(loose.errors));
    expect(loose.request.meetings[0]).toMatchObject({ startTime: '10:00', endTime: '13:00' });
  });

  it('builds every meeting at the first one’s times and place', () => {
    const result = buildCreateSetRequest(filled());
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.request.meetings).toEqual([
      { date: '2017-09-21', startTime: '10:00', endTime: '13:00', place: 'Room 4', videoLink: '' },
      { date: '2017-12-21', startTime: '10:00', endTime: '13:00', place: 'Room 4', videoLink: '' },
      { date: '2018-03-22', startTime: '10:00', endTime: '13:00', place: 'Room 4', videoLink: '' },
      { date: '2018-06-21', startTime: '10:00', endTime: '13:00', place: 'Room 4', videoLink: '' },
    ]);
    expect(result.request.sizeLimits).toEqual({ min: 4, max: 8 });
    expect(result.request.settings).toMatchObject({
      facilitatorAsksContentQuestions: false,
      quorum: 4,
    });
  });

  it('explains a missing name, a meeting that ends before it starts and a bad quorum', () => {
    const draft = filled();
    const result = buildCreateSetRequest({
      ...withFirstMeeting(draft, { ...draft.first, endTime: '09:00' }),
      name: ' ',
      laterDates: [
        draft.laterDates[0]!,
        { day: '31', month: '2', year: '2018' },
        draft.laterDates[2]!,
      ],
      settings: { ...draft.settings, quorum: 'four' },
    });
    if (result.ok) throw new Error('expected errors');
    expect(result.errors).toEqual({
      name: 'Enter a name for the set',
      'meetings.0.endTime': 'The meeting must end after it starts',
      'meetings.2.date': 'Enter a real date',
      'settings.quorum': 'Enter the quorum as a whole number, like 4',
    });
    for (const path of Object.keys(result.errors)) expect(fieldOrder(draft)).toContain(path);
  });

  it('sends how questions are put and what happens to a question that sounds like advice', () => {
    const draft = filled();
    expect(buildCreateSetRequest(draft)).toMatchObject({
      ok: true,
      request: { settings: { queue: 'floor', adviceCheck: 'flag' } },
    });
    const chosen = { ...draft.settings, queue: 'open' as const, adviceCheck: 'hold' as const };
    expect(buildCreateSetRequest({ ...draft, settings: chosen })).toMatchObject({
      ok: true,
      request: { settings: { queue: 'open', adviceCheck: 'hold' } },
    });
    expect(fieldOrder(draft)).toEqual(
      expect.arrayContaining(['settings.queue', 'settings.adviceCheck']),
    );
  });

  it('says only what is wrong with a time that is not a time', () => {
    const draft = filled();
    const result = buildCreateSetRequest({
      ...draft,
      first: { ...draft.first, startTime: '25:00' },
    });
    if (result.ok) throw new Error('expected errors');
    expect(result.errors).toEqual({ 'meetings.0.startTime': 'Enter a time like 09:30' });
  });

  it('asks for a date nobody has entered', () => {
    const result = buildCreateSetRequest({ ...EMPTY_CREATE_SET_DRAFT, name: 'A', purpose: 'B' });
    if (result.ok) throw new Error('expected errors');
    expect(result.errors['meetings.0.date']).toBe('Enter the date of the first meeting');
    expect(result.errors['meetings.3.date']).toBe('Enter the date of meeting 4');
  });

  it('puts the server’s issues on later meetings’ times on the first meeting’s fields', () => {
    expect(
      errorsOnFields({
        'meetings.2.endTime': 'The meeting must end after it starts',
        'meetings.3.date': 'Enter a real date',
        'sizeLimits.max': 'Too small',
      }),
    ).toEqual({
      'meetings.0.endTime': 'The meeting must end after it starts',
      'meetings.3.date': 'Enter a real date',
      'sizeLimits.max': 'Too small',
    });
  });
});
