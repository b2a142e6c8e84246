import { AttendanceReport, MyApologies } from '@setboard/shared';
import { apiRequest } from '../../../api/api-request';
import { setApiPath } from '../../../ui/LoadedSet';

export const MyApologiesReply = MyApologies;
export const AttendanceReply = AttendanceReport;

export const myApologiesPath = (setId: string) => `${setApiPath(setId)}/apologies/mine`;
export const attendancePath = (setId: string) => `${setApiPath(setId)}/attendance`;
const apologiesPath = (setId: string, meetingIndex: number) =>
  `${setApiPath(setId)}/meetings/${meetingIndex}/apologies`;

export function sendApologies(setId: string, meetingIndex: number, message: string) {
  return apiRequest('POST', apologiesPath(setId, meetingIndex), {
    body: { message },
    schema: MyApologies,
  });
}

export function withdrawApologies(setId: string, meetingIndex: number) {
  return apiRequest('DELETE', apologiesPath(setId, meetingIndex), { schema: MyApologies });
}

/** The `.ics` of one planned meeting. */
export const meetingCalendarPath = (setId: string, meetingIndex: number) =>
  `${setApiPath(setId)}/meetings/${meetingIndex}/calendar`;
