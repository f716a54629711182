import { checkEndpointUrl } from '../../shared/intelligence/endpoint-url';
import { usageCheck } from '../usage-check';

/** The --discovery-url value, checked before any connection (https, or http for loopback only); a bad one is a usage error (exit 2). */
export function discoveryUrlOption(url: string): string {
  return usageCheck(() => checkEndpointUrl(url, 'discovery URL').href);
}
