// A tenant host that does not resolve is almost always a mistyped subdomain: say so instead of a bare network error.
import { isWorkbenchError, WorkbenchError } from '../errors/workbench-error';
import { networkErrorCodes } from '../exchange/network-error';

const DNS_CODES = /^(ENOTFOUND|EAI_NONAME|EAI_FAIL)$/;

/** ERR_SUBDOMAIN_NOT_FOUND when `error` is a network failure whose cause is a name that does not resolve; else `error` unchanged. */
export function explainUnresolvedHost(error: unknown, host: string): unknown {
  if (!isWorkbenchError(error) || error.code !== 'ERR_NETWORK') return error;
  if (!networkErrorCodes(error.cause).some((code) => DNS_CODES.test(code))) return error;
  return new WorkbenchError('ERR_SUBDOMAIN_NOT_FOUND', `${host} does not resolve (no DNS entry): the subdomain is probably mistyped.`, {
    hint: "Copy the Authentication Base URI from the installed package's API Integration component, or check the network/VPN if it is right.",
    cause: error,
  });
}
