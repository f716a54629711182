// The JWS examples of RFC 7520 §4 (and RFC 8037 A.4, Ed25519), copied from the RFCs (machine-readable in the
// ietf-jose/cookbook repository). Each example keeps the RFC's own parts: protected header, unprotected header and
// signature per signature, over the one payload they all sign; `compactOf`, `flattenedOf` and `generalOf` lay those
// parts out as RFC 7515 §7 does, which is how the RFC prints each serialization.

/** RFC 7520 §4: the payload every JWS example signs (base64url of the quote below). */
export const RFC7520_PAYLOAD_B64U =
  'SXTigJlzIGEgZGFuZ2Vyb3VzIGJ1c2luZXNzLCBGcm9kbywgZ29pbmcgb3V0IHlvdXIgZG9vci4gWW91IHN0ZXAgb250byB0aGUgcm9hZCwgYW5kIGlmIHlvdSBkb24ndCBrZWVwIHlvdXIgZmVldCwgdGhlcmXigJlzIG5vIGtub3dpbmcgd2hlcmUgeW91IG1pZ2h0IGJlIHN3ZXB0IG9mZiB0by4';

/** RFC 7520 §4: the payload as text (note the U+2019 apostrophes). */
export const RFC7520_PAYLOAD_TEXT =
  "It’s a dangerous business, Frodo, going out your door. You step onto the road, and if you don't keep your feet, there’s no knowing where you might be swept off to.";

/** RFC 7520 §3.3: the RSA key's public part (Bilbo's, 2048 bits). */
export const RFC7520_RSA_PUBLIC_JWK = {
  kty: 'RSA',
  kid: 'bilbo.baggins@hobbiton.example',
  use: 'sig',
  n: 'n4EPtAOCc9AlkeQHPzHStgAbgs7bTZLwUBZdR8_KuKPEHLd4rHVTeT-O-XV2jRojdNhxJWTDvNd7nqQ0VEiZQHz_AJmSCpMaJMRBSFKrKb2wqVwGU_NsYOYL-QtiWN2lbzcEe6XC0dApr5ydQLrHqkHHig3RBordaZ6Aj-oBHqFEHYpPe7Tpe-OfVfHd1E6cS6M1FZcD1NNLYD5lFHpPI9bTwJlsde3uhGqC0ZCuEHg8lhzwOHrtIQbS0FVbb9k3-tVTU4fg_3L_vniUFAKwuCLqKnS2BYwdq_mzSnbLY7h_qixoR7jig3__kRhuaxwUkRz5iaiQkqgc5gHdrNP5zw',
  e: 'AQAB',
} as const;

/** RFC 7520 §3.1: the EC P-521 key's public part (Bilbo's). */
export const RFC7520_EC_PUBLIC_JWK = {
  kty: 'EC',
  kid: 'bilbo.baggins@hobbiton.example',
  use: 'sig',
  crv: 'P-521',
  x: 'AHKZLLOsCOzz5cY97ewNUajB957y-C-U88c3v13nmGZx6sYl_oJXu9A5RkTKqjqvjyekWF-7ytDyRXYgCF5cj0Kt',
  y: 'AdymlHvOiLxXkEhayXQnNCvDX4h9htZaCJN34kfmC6pV5OhQHiraVySsUdaQkAgDPrwQrJmbnX9cwlGfP-HqHZR1',
} as const;

/** RFC 7520 §3.5: the symmetric key for HS256 (a published example key, not a secret). */
export const RFC7520_HMAC_JWK = {
  kty: 'oct',
  kid: '018c0ae5-4d9b-471b-bfd6-eef314bc7037',
  use: 'sig',
  alg: 'HS256',
  k: 'hJtXIZ2uSN5kbQfbtTNWbpdmhkV8FJG-Onbc6mxCcYg',
} as const;

/** RFC 8037 A.1 / A.2: the Ed25519 public key. */
export const RFC8037_ED25519_PUBLIC_JWK = { kty: 'OKP', crv: 'Ed25519', x: '11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo' } as const;

/** One signature of an example: its protected header (base64url, absent when there is none), unprotected header and signature. */
export interface VectorSignature {
  protected?: string;
  header?: Record<string, string>;
  signature: string;
}

/** One JWS example: which serializations the RFC gives, the key (as a JWK) that verifies each signature, and the parts. */
export interface JwsVector {
  name: string;
  payload: string;
  payloadText: string;
  signatures: readonly VectorSignature[];
  /** The public JWK (or the oct JWK) that verifies signature i. */
  keys: readonly Record<string, string>[];
  /** The serializations the RFC prints for this example. */
  forms: readonly ('compact' | 'flattened' | 'general')[];
}

export const RFC7520_VECTORS: readonly JwsVector[] = [
  {
    name: 'RFC 7520 4.1 (RS256)',
    payload: RFC7520_PAYLOAD_B64U,
    payloadText: RFC7520_PAYLOAD_TEXT,
    signatures: [
      {
        protected: 'eyJhbGciOiJSUzI1NiIsImtpZCI6ImJpbGJvLmJhZ2dpbnNAaG9iYml0b24uZXhhbXBsZSJ9',
        signature:
          'MRjdkly7_-oTPTS3AXP41iQIGKa80A0ZmTuV5MEaHoxnW2e5CZ5NlKtainoFmKZopdHM1O2U4mwzJdQx996ivp83xuglII7PNDi84wnB-BDkoBwA78185hX-Es4JIwmDLJK3lfWRa-XtL0RnltuYv746iYTh_qHRD68BNt1uSNCrUCTJDt5aAE6x8wW1Kt9eRo4QPocSadnHXFxnt8Is9UzpERV0ePPQdLuW3IS_de3xyIrDaLGdjluPxUAhb6L2aXic1U12podGU0KLUQSE_oI-ZnmKJ3F4uOZDnd6QZWJushZ41Axf_fcIe8u9ipH84ogoree7vjbU5y18kDquDg',
      },
    ],
    keys: [RFC7520_RSA_PUBLIC_JWK],
    forms: ['compact', 'flattened', 'general'],
  },
  {
    name: 'RFC 7520 4.2 (PS384)',
    payload: RFC7520_PAYLOAD_B64U,
    payloadText: RFC7520_PAYLOAD_TEXT,
    signatures: [
      {
        protected: 'eyJhbGciOiJQUzM4NCIsImtpZCI6ImJpbGJvLmJhZ2dpbnNAaG9iYml0b24uZXhhbXBsZSJ9',
        signature:
          'cu22eBqkYDKgIlTpzDXGvaFfz6WGoz7fUDcfT0kkOy42miAh2qyBzk1xEsnk2IpN6-tPid6VrklHkqsGqDqHCdP6O8TTB5dDDItllVo6_1OLPpcbUrhiUSMxbbXUvdvWXzg-UD8biiReQFlfz28zGWVsdiNAUf8ZnyPEgVFn442ZdNqiVJRmBqrYRXe8P_ijQ7p8Vdz0TTrxUeT3lm8d9shnr2lfJT8ImUjvAA2Xez2Mlp8cBE5awDzT0qI0n6uiP1aCN_2_jLAeQTlqRHtfa64QQSUmFAAjVKPbByi7xho0uTOcbH510a6GYmJUAfmWjwZ6oD4ifKo8DYM-X72Eaw',
      },
    ],
    keys: [RFC7520_RSA_PUBLIC_JWK],
    forms: ['compact', 'flattened', 'general'],
  },
  {
    name: 'RFC 7520 4.3 (ES512)',
    payload: RFC7520_PAYLOAD_B64U,
    payloadText: RFC7520_PAYLOAD_TEXT,
    signatures: [
      {
        protected: 'eyJhbGciOiJFUzUxMiIsImtpZCI6ImJpbGJvLmJhZ2dpbnNAaG9iYml0b24uZXhhbXBsZSJ9',
        signature:
          'AE_R_YZCChjn4791jSQCrdPZCNYqHXCTZH0-JZGYNlaAjP2kqaluUIIUnC9qvbu9Plon7KRTzoNEuT4Va2cmL1eJAQy3mtPBu_u_sDDyYjnAMDxXPn7XrT0lw-kvAD890jl8e2puQens_IEKBpHABlsbEPX6sFY8OcGDqoRuBomu9xQ2',
      },
    ],
    keys: [RFC7520_EC_PUBLIC_JWK],
    forms: ['compact', 'flattened', 'general'],
  },
  {
    name: 'RFC 7520 4.4 (HS256)',
    payload: RFC7520_PAYLOAD_B64U,
    payloadText: RFC7520_PAYLOAD_TEXT,
    signatures: [
      {
        protected: 'eyJhbGciOiJIUzI1NiIsImtpZCI6IjAxOGMwYWU1LTRkOWItNDcxYi1iZmQ2LWVlZjMxNGJjNzAzNyJ9',
        signature: 's0h6KThzkfBBBkLspW1h84VsJZFTsPPqMDA7g1Md7p0',
      },
    ],
    keys: [RFC7520_HMAC_JWK],
    forms: ['compact', 'flattened', 'general'],
  },
  {
    name: 'RFC 7520 4.6 (HS256, kid in the unprotected header)',
    payload: RFC7520_PAYLOAD_B64U,
    payloadText: RFC7520_PAYLOAD_TEXT,
    signatures: [
      {
        protected: 'eyJhbGciOiJIUzI1NiJ9',
        header: { kid: '018c0ae5-4d9b-471b-bfd6-eef314bc7037' },
        signature: 'bWUSVaxorn7bEF1djytBd0kHv70Ly5pvbomzMWSOr20',
      },
    ],
    keys: [RFC7520_HMAC_JWK],
    forms: ['flattened', 'general'],
  },
  {
    name: 'RFC 7520 4.7 (HS256, content only: no protected header)',
    payload: RFC7520_PAYLOAD_B64U,
    payloadText: RFC7520_PAYLOAD_TEXT,
    signatures: [
      {
        header: { alg: 'HS256', kid: '018c0ae5-4d9b-471b-bfd6-eef314bc7037' },
        signature: 'xuLifqLGiblpv9zBpuZczWhNj1gARaLV3UxvxhJxZuk',
      },
    ],
    keys: [RFC7520_HMAC_JWK],
    forms: ['flattened', 'general'],
  },
  {
    name: 'RFC 7520 4.8 (multiple signatures: RS256, ES512, HS256)',
    payload: RFC7520_PAYLOAD_B64U,
    payloadText: RFC7520_PAYLOAD_TEXT,
    signatures: [
      {
        protected: 'eyJhbGciOiJSUzI1NiJ9',
        header: { kid: 'bilbo.baggins@hobbiton.example' },
        signature:
          'MIsjqtVlOpa71KE-Mss8_Nq2YH4FGhiocsqrgi5NvyG53uoimic1tcMdSg-qptrzZc7CG6Svw2Y13TDIqHzTUrL_lR2ZFcryNFiHkSw129EghGpwkpxaTn_THJTCglNbADko1MZBCdwzJxwqZc-1RlpO2HibUYyXSwO97BSe0_evZKdjvvKSgsIqjytKSeAMbhMBdMma622_BG5t4sdbuCHtFjp9iJmkio47AIwqkZV1aIZsv33uPUqBBCXbYoQJwt7mxPftHmNlGoOSMxR_3thmXTCm4US-xiNOyhbm8afKK64jU6_TPtQHiJeQJxz9G3Tx-083B745_AfYOnlC9w',
      },
      {
        header: { alg: 'ES512', kid: 'bilbo.baggins@hobbiton.example' },
        signature:
          'ARcVLnaJJaUWG8fG-8t5BREVAuTY8n8YHjwDO1muhcdCoFZFFjfISu0Cdkn9Ybdlmi54ho0x924DUz8sK7ZXkhc7AFM8ObLfTvNCrqcI3Jkl2U5IX3utNhODH6v7xgy1Qahsn0fyb4zSAkje8bAWz4vIfj5pCMYxxm4fgV3q7ZYhm5eD',
      },
      {
        protected: 'eyJhbGciOiJIUzI1NiIsImtpZCI6IjAxOGMwYWU1LTRkOWItNDcxYi1iZmQ2LWVlZjMxNGJjNzAzNyJ9',
        signature: 's0h6KThzkfBBBkLspW1h84VsJZFTsPPqMDA7g1Md7p0',
      },
    ],
    keys: [RFC7520_RSA_PUBLIC_JWK, RFC7520_EC_PUBLIC_JWK, RFC7520_HMAC_JWK],
    forms: ['general'],
  },
  {
    name: 'RFC 8037 A.4 (EdDSA, Ed25519)',
    payload: 'RXhhbXBsZSBvZiBFZDI1NTE5IHNpZ25pbmc',
    payloadText: 'Example of Ed25519 signing',
    signatures: [
      {
        protected: 'eyJhbGciOiJFZERTQSJ9',
        signature: 'hgyY0il_MGCjP0JzlnLWG1PPOt7-09PGcvMg3AIbQR6dWbhijcNR4ki4iylGjg5BhVsPt9g7sVvpAr_MuM0KAg',
      },
    ],
    keys: [RFC8037_ED25519_PUBLIC_JWK],
    forms: ['compact', 'flattened', 'general'],
  },
];

function jsonSignature(signature: VectorSignature): VectorSignature {
  return {
    ...(signature.protected === undefined ? {} : { protected: signature.protected }),
    ...(signature.header === undefined ? {} : { header: signature.header }),
    signature: signature.signature,
  };
}

/** RFC 7515 §7.1: protected.payload.signature (only for a single signature with no unprotected header). */
export function compactOf(vector: JwsVector): string {
  const [only] = vector.signatures;
  if (vector.signatures.length !== 1 || only === undefined || only.header !== undefined)
    throw new Error(`${vector.name} has no compact form`);
  return `${only.protected ?? ''}.${vector.payload}.${only.signature}`;
}

/** RFC 7515 §7.2.2: the flattened JSON serialization, as pretty JSON the way the RFC prints it. */
export function flattenedOf(vector: JwsVector): string {
  const [only] = vector.signatures;
  if (vector.signatures.length !== 1 || only === undefined) throw new Error(`${vector.name} has no flattened form`);
  return JSON.stringify({ payload: vector.payload, ...jsonSignature(only) }, null, 2);
}

/** RFC 7515 §7.2.1: the general JSON serialization, as pretty JSON the way the RFC prints it. */
export function generalOf(vector: JwsVector): string {
  return JSON.stringify({ payload: vector.payload, signatures: vector.signatures.map(jsonSignature) }, null, 2);
}

/** The example in one of its forms. */
export function serialize(vector: JwsVector, form: JwsVector['forms'][number]): string {
  if (form === 'compact') return compactOf(vector);
  return form === 'flattened' ? flattenedOf(vector) : generalOf(vector);
}

/** Flips one bit of a base64url string (in its middle character) so the bytes it carries change. */
export function flipBit(b64u: string, at = Math.floor(b64u.length / 2)): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  const index = alphabet.indexOf(b64u[at]!);
  return `${b64u.slice(0, at)}${alphabet[index ^ 1]}${b64u.slice(at + 1)}`;
}
