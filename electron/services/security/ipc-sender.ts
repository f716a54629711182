import { isAppDocumentUrl } from './app-document';
import { WorkbenchError } from '../../../shared/errors/workbench-error';
import { fail, type IpcResult } from '../../../shared/ipc/result';

/** What the IPC handler knows about who sent a message: the sending frame (null once destroyed) and its URL. */
export interface IpcSender {
  frame: object | null | undefined;
  frameUrl: string | undefined;
}

/** What a trusted sender must match: our main window's top-level frame showing our own renderer file. */
export interface TrustedIpcOrigin {
  mainFrame: object | null | undefined;
  appFileUrl: string;
}

/** True only for our own main window's top-level frame showing our renderer file; subframes, other windows and other URLs are refused. */
export function isTrustedIpcSender(sender: IpcSender, trusted: TrustedIpcOrigin): boolean {
  if (sender.frame === null || sender.frame === undefined || trusted.mainFrame === null || trusted.mainFrame === undefined) return false;
  return sender.frame === trusted.mainFrame && isAppDocumentUrl(sender.frameUrl, trusted.appFileUrl);
}

/** The failed result every refused sender gets: no handler runs. */
export function forbiddenSenderResult(): IpcResult<never> {
  return fail(
    new WorkbenchError(
      'ERR_IPC_FORBIDDEN_SENDER',
      'This request came from outside the app window and was refused. Use the app window itself.',
    ).toPayload(),
  );
}
