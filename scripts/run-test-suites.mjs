// Runs every test suite of `npm test` in turn (unit/component/keychain tests with vitest, the Electron security
// audit, the Playwright suites), keeps going after a failure so that every suite reports, and closes with one
// plain line adding them up: "N passed, N failed, N skipped". Exits non-zero if anything failed.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';

const outDir = 'test-results/summary';
rmSync(outDir, { recursive: true, force: true });
mkdirSync(outDir, { recursive: true });
const vitestJson = join(outDir, 'vitest.json');
const vitestErrors = join(outDir, 'vitest-errors.json');
const playwrightJson = resolve(outDir, 'playwright.json');

/** Runs a command with inherited output; returns its exit status. */
function run(label, command, args, env = {}) {
  console.log(`\n=== ${label}: ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return result.status ?? 1;
}

const totals = { passed: 0, failed: 0, skipped: 0 };
const failures = [];
const skippedNotes = [];
// Named again at the very end, so that a log cut to its tail still says which test failed and why.
const failedNotes = [];
const firstLine = (text) =>
  String(text ?? '')
    // eslint-disable-next-line no-control-regex -- strips the terminal colours from the failure text
    .replace(/\u001b\[[0-9;]*m/g, '')
    .trim()
    .split('\n')[0]
    .slice(0, 300);

const vitestStatus = run('unit, component and keychain tests', 'npx', [
  'vitest',
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${vitestJson}`,
  '--reporter=./scripts/vitest-errors-reporter.mjs',
]);
if (existsSync(vitestJson)) {
  const report = JSON.parse(readFileSync(vitestJson, 'utf8'));
  totals.passed += report.numPassedTests;
  totals.failed += report.numFailedTests;
  totals.skipped += report.numPendingTests + report.numTodoTests;
  for (const file of report.testResults) {
    for (const t of file.assertionResults) {
      if (t.status === 'skipped' || t.status === 'pending' || t.status === 'todo') skippedNotes.push(`vitest: ${t.fullName}`);
      else if (t.status === 'failed') failedNotes.push(`vitest: ${file.name}: ${t.fullName}: ${firstLine(t.failureMessages?.[0])}`);
    }
    // A file that fails before its tests run (an import error, a hook) has no failed assertion to name.
    if (file.status === 'failed' && !file.assertionResults.some((t) => t.status === 'failed')) {
      failedNotes.push(`vitest: ${file.name}: ${firstLine(file.message)}`);
    }
  }
}
if (existsSync(vitestErrors)) {
  for (const e of JSON.parse(readFileSync(vitestErrors, 'utf8')).errors)
    failedNotes.push(
      `vitest: unhandled ${e.name ?? 'error'}${e.file ? ` while ${e.file}${e.test ? ` (${e.test})` : ''} ran` : ''}: ${firstLine(e.message)}\n      ${e.stack.split('\n').slice(1, 4).join('\n      ').trim()}`,
    );
}
if (vitestStatus !== 0 && failedNotes.length === 0)
  failedNotes.push(
    `vitest: exited ${vitestStatus} with no failed test or unhandled error recorded (a crashed worker?): see its output above`,
  );
if (vitestStatus !== 0) failures.push('vitest');

const auditStatus = run('Electron security audit', 'node', ['scripts/audit-electron.mjs']);
if (auditStatus !== 0) failures.push('audit:electron');

const playwrightStatus = run(
  'end-to-end (Chromium, Electron, packaging)',
  'npx',
  ['playwright', 'test', '-c', 'e2e/playwright.config.ts', '--reporter=list,json'],
  {
    PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightJson,
  },
);
if (existsSync(playwrightJson)) {
  const { stats } = JSON.parse(readFileSync(playwrightJson, 'utf8'));
  totals.passed += stats.expected + stats.flaky;
  totals.failed += stats.unexpected;
  totals.skipped += stats.skipped;
  const walk = (suite) => {
    for (const spec of suite.specs ?? []) {
      for (const t of spec.tests ?? []) {
        if (t.status === 'unexpected') {
          const error = t.results?.find((r) => r.status !== 'passed')?.error?.message;
          failedNotes.push(`playwright [${t.projectName}]: ${spec.file}: ${spec.title}: ${firstLine(error)}`);
        }
        if (t.status !== 'skipped') continue;
        const reason = (t.annotations ?? []).find((a) => a.type === 'skip')?.description ?? 'no reason given';
        skippedNotes.push(`playwright [${t.projectName}]: ${spec.title}: ${reason}`);
      }
    }
    for (const child of suite.suites ?? []) walk(child);
  };
  for (const suite of JSON.parse(readFileSync(playwrightJson, 'utf8')).suites ?? []) walk(suite);
}
if (playwrightStatus !== 0) failures.push('playwright');

console.log(
  `\nSuites: vitest ${vitestStatus === 0 ? 'ok' : 'FAILED'}, audit:electron ${auditStatus === 0 ? 'ok' : 'FAILED'}, playwright ${playwrightStatus === 0 ? 'ok' : 'FAILED'}`,
);
if (failedNotes.length > 0) console.log(`Failed:\n${failedNotes.map((note) => `  - ${note}`).join('\n')}`);
if (skippedNotes.length > 0) console.log(`Skipped:\n${skippedNotes.map((note) => `  - ${note}`).join('\n')}`);
// The audit is a check, not a test: it shows in the Suites line and the exit status, not in the counts.
if (failures.length > 0 && totals.failed === 0) totals.failed = 1;
console.log(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(failures.length === 0 ? 0 : 1);
