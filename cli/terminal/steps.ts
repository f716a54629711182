// The steps of a token flow as --verbose prints them, and the secrets each step sent, so they are masked wherever it shows.
import type { FlowStep, ShownField } from '../../shared/exchange/flow-types';
import { MASK } from '../../shared/exchange/shown-exchange';
import type { Painter } from './paint';
import { terminalSafe, type KnownSecrets } from './safe-text';

/** How a sensitive value appears in --verbose output: its length only, never the value. */
function maskedValue(value: string): string {
  return `<masked: ${value.length} chars>`;
}

/**
 * The secrets a step itself sent: its request's sensitive values (a client assertion, unless the flow already replaced it
 * with MASK) and its signed assertion. The CLI masks them wherever that step, or the run's error, shows server text.
 */
export function stepSecrets(step: FlowStep<string>): string[] {
  const sent = (step.request?.params ?? []).concat(step.request?.headers ?? []);
  const values = sent.filter((item) => item.sensitive && item.value !== MASK).map((item) => item.value);
  return step.assertion === undefined ? values : [...values, step.assertion.compact];
}

/**
 * One step of a token flow (Intelligence or Engagement) as `--verbose` prints it on stderr: status, duration, the request and the response with
 * sensitive values masked (the response's masked `body`, never `revealedBody`), the decoded assertion and the error. `secrets`
 * (the run's own, plus the step's: {@link stepSecrets}) are masked by value wherever the server's text may echo them.
 */
export function formatStep(step: FlowStep<string>, paint: Painter, runSecrets: KnownSecrets = []): string {
  const secrets = [...runSecrets, ...stepSecrets(step)];
  const safe = (text: string): string => terminalSafe(text, { secrets });
  const field = (item: ShownField): string => `${safe(item.name)}: ${item.sensitive ? maskedValue(item.value) : safe(item.value)}`;
  const title = safe(step.title);
  if (step.status === 'running') return `${paint.dim('..')} ${title}\n`;
  const mark = step.status === 'ok' ? paint.green('ok') : step.status === 'failed' ? paint.red('FAILED') : paint.yellow(step.status);
  const lines = [`${mark} ${paint.bold(title)}${step.durationMs === undefined ? '' : paint.dim(` (${Math.round(step.durationMs)} ms)`)}`];
  if (step.request) {
    lines.push(`   ${step.request.method} ${safe(step.request.url)}`);
    for (const header of step.request.headers) lines.push(`     ${field(header)}`);
    for (const param of step.request.params) lines.push(`     ${paint.dim('param')} ${field(param)}`);
  }
  if (step.assertion) {
    lines.push(`   header ${safe(JSON.stringify(step.assertion.header))}`);
    lines.push(`   claims ${safe(JSON.stringify(step.assertion.payload))}`);
  }
  if (step.response) {
    lines.push(`   -> HTTP ${step.response.status}`);
    for (const header of step.response.headers) lines.push(`     ${field(header)}`);
    // The body is already cut to SHOWN_BODY_LIMIT by the flow; each of its lines is masked and escaped, never echoed raw.
    if (step.response.body !== '') lines.push(...step.response.body.split('\n').map((line) => `     ${safe(line)}`));
  }
  if (step.error) lines.push(`   ${paint.red(safe(step.error.code))} ${safe(step.error.message)}`);
  return `${lines.join('\n')}\n`;
}
