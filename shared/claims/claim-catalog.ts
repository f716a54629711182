// Assembles the claim catalogs per token kind: registered claims first, then the kind's own entries (later wins).
// Start here to add claims: each list lives in catalog/ (one file per kind of token); interpreters in interpret/.
// A catalog is a tree keyed by JSON key, so the explainer looks keys up as it walks without building path strings.
import type { TokenKind } from '../decode/token-kind';
import type { ClaimEntry, Interpreter } from './claim-entry';
import { REGISTERED_CLAIMS } from './catalog/registered-claims';
import { ENGAGEMENT_ACCESS_TOKEN_HEADER, JOSE_HEADER_PARAMS } from './catalog/jose-header';
import { ENGAGEMENT_SSO_V2_CLAIMS } from './catalog/engagement-sso-v2';
import { ENGAGEMENT_SSO_V1_CLAIMS } from './catalog/engagement-sso-v1';
import { INTELLIGENCE_ASSERTION_CLAIMS } from './catalog/intelligence-assertion';
import { ENGAGEMENT_ACCESS_TOKEN_CLAIMS } from './catalog/engagement-access-token';
import { CUSTOM_ACTIVITY_CLAIMS } from './catalog/custom-activity';
import { OPENID_ID_TOKEN_CLAIMS, OPENID_STANDARD_CLAIMS } from './catalog/openid-claims';

/**
 * A catalog entry as the explainer reads it: the same fields, all present, for every entry. The entries themselves are
 * literals of a dozen shapes (each with the optional fields it needs), so reading them leaf by leaf went through
 * megamorphic property lookups; these records share one hidden class.
 */
export interface EntryReading {
  explanation: string;
  interpret: Interpreter | null;
  documented: boolean;
  unused: boolean;
  subtree: boolean;
  secret: 'token' | 'credential' | null;
}

/** One node of a catalog tree: the entry documented at this path (if any), its reading, and the nodes below it by key. */
export interface ClaimCatalog {
  entry: ClaimEntry | undefined;
  /** Set exactly when `entry` is. */
  reading: EntryReading | undefined;
  children: Map<string, ClaimCatalog>;
  /**
   * The same nodes by key in a prototype-less record, which the explain walk reads: a keyed load of an internalized
   * name (what JSON.parse gives) costs less than Map.get, and no inherited name (`constructor`, `__proto__`) can match.
   */
  byKey: Readonly<Record<string, ClaimCatalog | undefined>>;
}

function node(): ClaimCatalog {
  return { entry: undefined, reading: undefined, children: new Map(), byKey: Object.create(null) as Record<string, ClaimCatalog> };
}

function readingOf(entry: ClaimEntry): EntryReading {
  return {
    explanation: entry.explanation,
    interpret: entry.interpret ?? null,
    documented: entry.undocumented !== true,
    unused: entry.unused === true,
    subtree: entry.subtree === true,
    secret: entry.secret ?? null,
  };
}

function build(...lists: (readonly ClaimEntry[])[]): ClaimCatalog {
  const root = node();
  for (const list of lists) {
    for (const entry of list) {
      let at = root;
      for (const key of entry.path.split('.')) {
        let next = at.children.get(key);
        if (next === undefined) {
          next = node();
          at.children.set(key, next);
          (at.byKey as Record<string, ClaimCatalog>)[key] = next;
        }
        at = next;
      }
      at.entry = entry;
      at.reading = readingOf(entry);
    }
  }
  return root;
}

const CLAIMS: Readonly<Record<TokenKind, ClaimCatalog>> = {
  generic: build(REGISTERED_CLAIMS, OPENID_ID_TOKEN_CLAIMS, OPENID_STANDARD_CLAIMS),
  'engagement-sso-v2': build(REGISTERED_CLAIMS, ENGAGEMENT_SSO_V2_CLAIMS),
  'engagement-sso-v1': build(REGISTERED_CLAIMS, ENGAGEMENT_SSO_V2_CLAIMS, ENGAGEMENT_SSO_V1_CLAIMS),
  'intelligence-assertion': build(REGISTERED_CLAIMS, INTELLIGENCE_ASSERTION_CLAIMS),
  'engagement-access-token': build(REGISTERED_CLAIMS, ENGAGEMENT_ACCESS_TOKEN_CLAIMS),
  'custom-activity': build(REGISTERED_CLAIMS, CUSTOM_ACTIVITY_CLAIMS),
  // A plain JWS has no claims set: its payload is shown as text.
  jws: build(),
};

const HEADER = build(JOSE_HEADER_PARAMS);
const ACCESS_TOKEN_HEADER = build(JOSE_HEADER_PARAMS, ENGAGEMENT_ACCESS_TOKEN_HEADER);

/** The payload claim catalog for a token kind. */
export function claimCatalog(kind: TokenKind): ClaimCatalog {
  return CLAIMS[kind];
}

/** The header parameter catalog for a token kind. */
export function headerCatalog(kind: TokenKind): ClaimCatalog {
  return kind === 'engagement-access-token' ? ACCESS_TOKEN_HEADER : HEADER;
}

/** The entry documented at a dotted path (without array indexes), or undefined. */
export function findClaimEntry(catalog: ClaimCatalog, path: string): ClaimEntry | undefined {
  let at: ClaimCatalog | undefined = catalog;
  for (const key of path.split('.')) at = at?.children.get(key);
  return at?.entry;
}

/** Every entry of a catalog, depth first. */
export function catalogEntries(catalog: ClaimCatalog): ClaimEntry[] {
  const out: ClaimEntry[] = [];
  const walk = (at: ClaimCatalog): void => {
    if (at.entry !== undefined) out.push(at.entry);
    for (const child of at.children.values()) walk(child);
  };
  walk(catalog);
  return out;
}
