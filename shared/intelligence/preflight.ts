// Checks an assertion before it is sent, catching what users get wrong when they follow the docs by hand.
import { WorkbenchError } from '../errors/workbench-error';
import { INTELLIGENCE_AUDIENCE } from '../decode/intelligence-audience';

const JTI = /^[0-9a-f]{32}$/;
/** iat values above this are milliseconds, not seconds (1e11 s is the year 5138). */
const MILLISECONDS_THRESHOLD = 1e11;

function fail(message: string): never {
  throw new WorkbenchError('ERR_ASSERTION_PREFLIGHT', message);
}

function shown(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 80 ? `${text.slice(0, 80)}…` : text;
}

function audProblem(aud: unknown): string | null {
  if (aud === INTELLIGENCE_AUDIENCE) return null;
  const want = `use exactly ${INTELLIGENCE_AUDIENCE}`;
  if (Array.isArray(aud)) return `aud is a list: ${want} as a single string.`;
  if (typeof aud !== 'string') return `aud is ${aud === undefined ? 'missing' : 'not a string'}: ${want}.`;
  if (/["'\u201c\u201d]/.test(aud)) return `aud has a stray quote (${shown(aud)}), the typo in the docs' sample: ${want}.`;
  if (aud.trim() !== aud) return `aud has spaces around it (${shown(aud)}): ${want}.`;
  if (aud.startsWith('http://')) return `aud uses http:// (${shown(aud)}): ${want}.`;
  if (aud.endsWith('/')) return `aud ends with a slash (${shown(aud)}): ${want}.`;
  return `aud is ${shown(aud)}: ${want}.`;
}

function iatProblem(iat: unknown): string | null {
  if (typeof iat !== 'number' || !Number.isFinite(iat))
    return 'iat is missing or not a number: use the current time in whole seconds since the epoch.';
  if (iat > MILLISECONDS_THRESHOLD) return `iat looks like milliseconds (${iat}): divide by 1000 and use whole seconds since the epoch.`;
  if (!Number.isInteger(iat)) return `iat has a fraction (${iat}): use whole seconds since the epoch.`;
  if (iat <= 0) return `iat is ${iat}: use the current time in whole seconds since the epoch.`;
  return null;
}

/**
 * Checks the header and claims of a client assertion for `clientId` before anything is sent; throws
 * ERR_ASSERTION_PREFLIGHT naming the first claim that is wrong (alg, aud, iss, sub, jti, iat, in that order).
 */
export function preflightAssertion(header: Record<string, unknown>, claims: Record<string, unknown>, clientId: string): void {
  if (header.alg !== 'RS256') fail(`alg is ${shown(header.alg)}: Intelligence assertions are signed RS256.`);
  const aud = audProblem(claims.aud);
  if (aud !== null) fail(aud);
  if (claims.iss !== clientId) fail(`iss is ${shown(claims.iss)}: it must be the client id (service account id) ${shown(clientId)}.`);
  if (claims.sub !== clientId)
    fail(`sub is ${shown(claims.sub)}: it must be the client id (service account id) ${shown(clientId)}, like iss.`);
  if (typeof claims.jti !== 'string' || !JTI.test(claims.jti)) {
    fail(`jti is ${shown(claims.jti)}: use a random UUID without its dashes (32 lowercase hex characters).`);
  }
  const iat = iatProblem(claims.iat);
  if (iat !== null) fail(iat);
}
