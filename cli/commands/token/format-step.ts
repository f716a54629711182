import type { FlowStep, ShownField } from '../../../shared/intelligence/flow-types';
import type { Painter } from '../../io/color';

/** How a sensitive value appears in --verbose output: its length only, never the value. */
export function maskedValue(value: string): string {
  return `<masked: ${value.length} chars>`;
}

function field(item: ShownField): string {
  return `${item.name}: ${item.sensitive ? maskedValue(item.value) : item.value}`;
}

/**
 * One step of the token flow as `mctoken token --verbose` prints it on stderr: status, duration, the request and the response
 * with sensitive values masked (the response's masked `body`, never `revealedBody`), the decoded assertion and the error.
 */
export function formatStep(step: FlowStep, paint: Painter): string {
  if (step.status === 'running') return `${paint.dim('..')} ${step.title}\n`;
  const mark = step.status === 'ok' ? paint.green('ok') : step.status === 'failed' ? paint.red('FAILED') : paint.yellow(step.status);
  const lines = [`${mark} ${paint.bold(step.title)}${step.durationMs === undefined ? '' : paint.dim(` (${Math.round(step.durationMs)} ms)`)}`];
  if (step.request) {
    lines.push(`   ${step.request.method} ${step.request.url}`);
    for (const header of step.request.headers) lines.push(`     ${field(header)}`);
    for (const param of step.request.params) lines.push(`     ${paint.dim('param')} ${field(param)}`);
  }
  if (step.assertion) {
    lines.push(`   header ${JSON.stringify(step.assertion.header)}`);
    lines.push(`   claims ${JSON.stringify(step.assertion.payload)}`);
  }
  if (step.response) {
    lines.push(`   -> HTTP ${step.response.status}`);
    for (const header of step.response.headers) lines.push(`     ${field(header)}`);
    if (step.response.body !== '') lines.push(...step.response.body.split('\n').map((line) => `     ${line}`));
  }
  if (step.error) lines.push(`   ${paint.red(step.error.code)} ${step.error.message}`);
  return `${lines.join('\n')}\n`;
}
