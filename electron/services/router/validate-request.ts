import { WorkbenchError } from '../../../shared/errors/workbench-error';
import type { IpcChannel, IpcRequest } from '../../../shared/ipc/ipc-contract';
import { REQUEST_SCHEMAS } from './request-schemas';
import { fieldName, issuePhrase } from './validation-message';

/** Validates a channel's request with its zod schema; throws ERR_IPC_INVALID_REQUEST naming the first bad field (never its value). */
export function validateRequest<C extends IpcChannel>(channel: C, payload: unknown): IpcRequest<C> {
  const schema = REQUEST_SCHEMAS[channel] as (typeof REQUEST_SCHEMAS)[C];
  const parsed = schema.safeParse(payload, { reportInput: true });
  if (parsed.success) return parsed.data as IpcRequest<C>;
  const issue = parsed.error.issues[0];
  const what = issue ? `${fieldName(issue.path)} ${issuePhrase(issue)}` : 'the request is invalid';
  throw new WorkbenchError('ERR_IPC_INVALID_REQUEST', `The ${channel} request was refused: ${what}. Check what you entered and try again.`);
}
