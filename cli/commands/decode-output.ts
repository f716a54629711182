// What `mctoken decode` prints: the one JSON object of --json (the contract scripts rely on), or the text: kind, header,
// every claim explained, warnings, notes and the signature line(s). Live credentials inside a token are masked in the text.
import type { ExplainedClaim, TokenExplanation, TokenWarning, TokenWarningSeverity } from '../../shared/claims/explained-claim';
import type { DecodedToken, JsonObject, JwsSerialization } from '../../shared/decode/decoded-token';
import type { TokenKind } from '../../shared/decode/token-kind';
import type { SecretKeyReading, SignatureStatus, VerificationResult } from '../../shared/verify/verification';
import { describeSecretReading } from '../../shared/verify/secret-bytes';
import { secretMask } from '../../shared/exchange/mask-secrets';
import { wrapText, type Painter } from '../terminal/paint';
import { terminalSafe } from '../terminal/safe-text';

// ---- Output: --json ----------------------------------------------------------------------------------------------------

/** The one JSON object `mctoken decode --json` prints: the contract scripts rely on. */
export interface DecodeJson {
  kind: TokenKind;
  /** compact, or the flattened or general JWS JSON serialization. */
  serialization: JwsSerialization;
  /** The first signature's header (protected and unprotected together). */
  header: JsonObject;
  /** The claims set, or the payload as a string when it is not a JSON object (kind `jws`; see payloadEncoding). */
  payload: JsonObject | string;
  payloadEncoding: 'json' | 'utf8' | 'hex';
  /** Every leaf path of the payload, in document order. */
  claims: {
    path: string;
    value: unknown;
    explanation: string;
    interpretation: string | null;
    documented: boolean;
    /** Present for a live credential inside the token (masked in the text output): `token` when it decodes on its own. */
    secret?: 'token' | 'credential';
  }[];
  /** What was removed around the token as given (a request line, headers, quotes, a JSON or form field). */
  stripped: string[];
  /** The overall status: for several signatures, the best of them; for a secret, how it was read into key bytes. */
  signature: { alg: string | null; status: SignatureStatus; secretKey?: SecretKeyReading };
  /** Each signature's own result, in order (one for a compact token). */
  signatures: { alg: string | null; kid: string | null; status: SignatureStatus; code?: string }[];
  /** Warnings (`severity: "warning"`) first, then notes (`"info"`: facts about a sound token). */
  warnings: { code: string; severity: TokenWarningSeverity; message: string }[];
}

export function toDecodeJson(token: DecodedToken, explanation: TokenExplanation, signature: VerificationResult): DecodeJson {
  return {
    kind: explanation.kind,
    serialization: token.serialization,
    header: token.header,
    payload: token.payloadText?.text ?? token.payload,
    payloadEncoding: token.payloadText?.encoding ?? 'json',
    claims: explanation.claims.map((claim) => ({
      path: claim.path,
      value: claim.value,
      explanation: claim.explanation,
      interpretation: claim.interpretation,
      documented: claim.documented,
      ...(claim.secret === undefined ? {} : { secret: claim.secret }),
    })),
    stripped: token.stripped,
    signature: {
      alg: signature.alg,
      status: signature.status,
      ...(signature.secretKey === undefined ? {} : { secretKey: signature.secretKey }),
    },
    signatures: (signature.signatures ?? [{ ...signature, kid: typeof token.header.kid === 'string' ? token.header.kid : null }]).map(
      ({ alg, kid, status, error }) => (error === undefined ? { alg, kid, status } : { alg, kid, status, code: error.code }),
    ),
    warnings: explanation.warnings.map((warning) => ({ code: warning.code, severity: warning.severity, message: warning.message })),
  };
}

// ---- Output: text ------------------------------------------------------------------------------------------------------

/** How to lay out the text: colours and line width. */
export interface PlainLayout {
  paint: Painter;
  width: number;
}

const MAX_PATH_COLUMN = 36;

/** The text `mctoken decode` prints: kind, header, every claim with its reading and explanation (or a payload's text), warnings, notes, signature(s). */
export function formatDecodePlain(
  token: DecodedToken,
  explanation: TokenExplanation,
  signature: VerificationResult,
  keyDescription: string | null,
  layout: PlainLayout,
): string {
  const { paint } = layout;
  const form = token.serialization === 'compact' ? '' : `, ${token.serialization} JSON serialization`;
  const out: string[] = [paint.bold(explanation.kindLabel), paint.dim(`kind: ${explanation.kind}${form}`), ''];
  const count = token.signatures.length;
  out.push(paint.bold(count > 1 ? `Header (signature 1 of ${count})` : 'Header'), ...claimRows(explanation.header, layout), '');
  if (token.payloadText === null)
    out.push(paint.bold(`Claims (${explanation.claims.length})`), ...claimRows(explanation.claims, layout), '');
  else {
    const { encoding, text } = token.payloadText;
    const lines =
      encoding === 'utf8' ? terminalSafe(text, { keepNewlines: true, keepTabs: true }).split('\n') : (text.match(/.{1,64}/g) ?? []);
    out.push(
      paint.bold(`Payload (${encoding === 'utf8' ? 'UTF-8 text' : 'hex: the bytes are not text'})`),
      ...lines.map((line) => `  ${line}`),
      '',
    );
  }
  out.push(
    ...warningRows(
      'Warnings',
      paint.yellow('!'),
      explanation.warnings.filter((w) => w.severity === 'warning'),
      layout,
    ),
  );
  out.push(
    ...warningRows(
      'Notes',
      paint.cyan('i'),
      explanation.warnings.filter((w) => w.severity === 'info'),
      layout,
    ),
  );
  if (signature.signatures === undefined) out.push(signatureLine('Signature', signature, keyDescription, layout));
  else
    signature.signatures.forEach((one, i) =>
      out.push(
        signatureLine(`Signature ${i + 1}${one.kid === null ? '' : ` (kid ${terminalSafe(one.kid)})`}`, one, keyDescription, layout),
      ),
    );
  // Which reading of the secret was compared: the text's bytes, or the bytes its hex or base64 decodes to.
  if (signature.secretKey !== undefined) out.push(paint.dim(`  key: ${describeSecretReading(signature.secretKey)}`));
  return `${out.join('\n')}\n`;
}

// One section of warnings or notes (nothing when empty), each item marked and wrapped, its code at the end.
function warningRows(title: string, mark: string, warnings: TokenWarning[], layout: PlainLayout): string[] {
  if (warnings.length === 0) return [];
  const rows = [layout.paint.bold(`${title} (${warnings.length})`)];
  for (const warning of warnings) {
    const [first = '', ...rest] = wrapText(`${terminalSafe(warning.message)} (${warning.code})`, layout.width, '    ');
    rows.push(`  ${mark} ${first.trimStart()}`, ...rest);
  }
  return [...rows, ''];
}

function claimRows(claims: ExplainedClaim[], layout: PlainLayout): string[] {
  const { paint } = layout;
  if (claims.length === 0) return [paint.dim('  (none)')];
  const paths = claims.map((claim) => terminalSafe(claim.path));
  const column = Math.min(MAX_PATH_COLUMN, Math.max(...paths.map((path) => path.length)));
  const rows: string[] = [];
  claims.forEach((claim, index) => {
    const tags = [claim.documented ? '' : paint.yellow('[undocumented]'), claim.unused === true ? paint.dim('[unused]') : ''].filter(
      Boolean,
    );
    const shownPath = paths[index] ?? '';
    const path = shownPath.length > column ? `${shownPath}\n  ${' '.repeat(column)}` : shownPath.padEnd(column);
    // A live credential inside the token is not printed: --json has it, for a script (or mctoken decode) to use.
    const value = claim.secret === undefined ? terminalSafe(showValue(claim.value)) : `${secretMask(showValue(claim.value).length)}`;
    const hint = claim.secret === 'token' ? [paint.dim('[masked: --json shows it; it decodes with mctoken decode]')] : [];
    rows.push(`  ${paint.cyan(path)}  ${[value, ...tags, ...hint].join(' ')}`);
    if (claim.interpretation !== null)
      rows.push(...wrapText(`= ${terminalSafe(claim.interpretation)}`, layout.width, '      ').map((line) => paint.green(line)));
    rows.push(...wrapText(terminalSafe(claim.explanation), layout.width, '      ').map((line) => paint.dim(line)));
  });
  return rows;
}

function showValue(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function reason(signature: Pick<VerificationResult, 'error'>): string {
  return signature.error === undefined ? '' : `: ${terminalSafe(signature.error.message)}`;
}

function signatureLine(
  name: string,
  signature: Pick<VerificationResult, 'status' | 'alg' | 'error'>,
  keyDescription: string | null,
  layout: PlainLayout,
): string {
  const { paint } = layout;
  const alg = terminalSafe(signature.alg ?? 'no alg');
  const label = `${paint.bold(name)} (${alg}): `;
  switch (signature.status) {
    case 'valid':
      return `${label}${paint.green('valid')}, checked with ${terminalSafe(keyDescription ?? 'the given key')}`;
    case 'invalid':
      return `${label}${paint.red('invalid')}${reason(signature)}`;
    case 'unsupported':
      return `${label}${paint.yellow('unsupported')}${reason(signature)}`;
    case 'unchecked':
      return `${label}${paint.yellow('unchecked')}${keyDescription === null ? ': pass --secret-file, --secret-env or --key-file to verify it' : reason(signature)}`;
  }
}
