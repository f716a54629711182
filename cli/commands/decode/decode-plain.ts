import type { ExplainedClaim, TokenExplanation } from '../../../shared/claims/explained-claim';
import type { VerificationResult } from '../../../shared/verify/verification';
import type { Painter } from '../../io/color';
import { wrapText } from '../../io/wrap-text';

/** How to lay out the text: colours and line width. */
export interface PlainLayout {
  paint: Painter;
  width: number;
}

const MAX_PATH_COLUMN = 36;

/** The text `mctoken decode` prints: kind, header, every claim with its reading and explanation, warnings, signature. */
export function formatDecodePlain(explanation: TokenExplanation, signature: VerificationResult, keyDescription: string | null, layout: PlainLayout): string {
  const { paint } = layout;
  const out: string[] = [paint.bold(explanation.kindLabel), paint.dim(`kind: ${explanation.kind}`), ''];
  out.push(paint.bold('Header'), ...claimRows(explanation.header, layout), '');
  out.push(paint.bold(`Claims (${explanation.claims.length})`), ...claimRows(explanation.claims, layout), '');
  if (explanation.warnings.length > 0) {
    out.push(paint.bold(`Warnings (${explanation.warnings.length})`));
    for (const warning of explanation.warnings) {
      const [first = '', ...rest] = wrapText(`${warning.message} (${warning.code})`, layout.width, '    ');
      out.push(`  ${paint.yellow('!')} ${first.trimStart()}`, ...rest);
    }
    out.push('');
  }
  out.push(signatureLine(signature, keyDescription, layout));
  return `${out.join('\n')}\n`;
}

function claimRows(claims: ExplainedClaim[], layout: PlainLayout): string[] {
  const { paint } = layout;
  if (claims.length === 0) return [paint.dim('  (none)')];
  const column = Math.min(MAX_PATH_COLUMN, Math.max(...claims.map((claim) => claim.path.length)));
  const rows: string[] = [];
  for (const claim of claims) {
    const tags = [claim.documented ? '' : paint.yellow('[undocumented]'), claim.unused === true ? paint.dim('[unused]') : ''].filter(Boolean);
    const path = claim.path.length > column ? `${claim.path}\n  ${' '.repeat(column)}` : claim.path.padEnd(column);
    rows.push(`  ${paint.cyan(path)}  ${[showValue(claim.value), ...tags].join(' ')}`);
    if (claim.interpretation !== null) rows.push(...wrapText(`= ${claim.interpretation}`, layout.width, '      ').map((line) => paint.green(line)));
    rows.push(...wrapText(claim.explanation, layout.width, '      ').map((line) => paint.dim(line)));
  }
  return rows;
}

function showValue(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function reason(signature: VerificationResult): string {
  return signature.error === undefined ? '' : `: ${signature.error.message}`;
}

function signatureLine(signature: VerificationResult, keyDescription: string | null, layout: PlainLayout): string {
  const { paint } = layout;
  const alg = signature.alg ?? 'no alg';
  const label = `${paint.bold('Signature')} (${alg}): `;
  switch (signature.status) {
    case 'valid':
      return `${label}${paint.green('valid')}, checked with ${keyDescription ?? 'the given key'}`;
    case 'invalid':
      return `${label}${paint.red('invalid')}${reason(signature)}`;
    case 'unsupported':
      return `${label}${paint.yellow('unsupported')}${reason(signature)}`;
    case 'unchecked':
      return `${label}${paint.yellow('unchecked')}${keyDescription === null ? ': pass --secret-file, --secret-env or --key-file to verify it' : reason(signature)}`;
  }
}
