/** `POST /api/my/log/kept`: the server adds the words to the person's own log, dated today. */
import { KeptInLog, type KeepInLogRequest } from '@setboard/shared';
import { apiRequest } from '../../api/api-request';

export function keepInLearningLog(request: KeepInLogRequest): Promise<KeptInLog> {
  return apiRequest('POST', '/api/my/log/kept', { body: request, schema: KeptInLog });
}
