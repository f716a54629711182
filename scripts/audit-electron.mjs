#!/usr/bin/env node
// Electron security audit: runs @doyensec/electronegativity over the Electron code (electron/ by default), writes its SARIF
// report to a temporary folder, reads it back, prints every finding, and exits non-zero when any finding is not in the reviewed
// allow-list (scripts/electronegativity-allow.json: check id + file + the written reason it is a false positive).
//
// Offline on purpose: Electronegativity downloads fresh translations (replaced here by a stub that fails at once, so it uses
// its bundled English) and the Electron release list (AVAILABLE_SECURITY_FIXES_GLOBAL_CHECK, skipped: keep Electron current
// with `npm outdated electron` instead).
//
// Usage: node scripts/audit-electron.mjs [--input <dir or file> ...] [--allow <allow-list.json>]
// Exit status: 0 clean (or only allowed findings), 1 unreviewed findings, 2 the audit itself could not run.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { setTimeout as sleep } from 'node:timers/promises';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const SKIPPED_CHECKS = ['availablesecurityfixesglobalcheck'];

/** Reads the allow-list and checks every entry has a check id, a file and a real reason. */
function readAllowList(file) {
  const data = JSON.parse(readFileSync(file, 'utf8'));
  const entries = Array.isArray(data) ? data : data.allow;
  if (!Array.isArray(entries)) throw new Error(`${file}: expected { "allow": [ ... ] }`);
  for (const [index, entry] of entries.entries()) {
    const ok =
      typeof entry?.check === 'string' &&
      typeof entry?.file === 'string' &&
      typeof entry?.reason === 'string' &&
      entry.reason.trim().length >= 20;
    if (!ok) throw new Error(`${file}: entry ${index} needs "check", "file" and a written "reason" (at least 20 characters)`);
  }
  return entries;
}

/** Makes Electronegativity's translation download fail at once instead of reaching the internet. */
function stubTranslationDownload(packageDir) {
  const gotPath = require.resolve('got', { paths: [join(packageDir, 'dist')] });
  const Module = require('node:module');
  const stub = new Module(gotPath);
  stub.filename = gotPath;
  stub.loaded = true;
  stub.exports = () => Promise.reject(new Error('offline: using the bundled translations'));
  require.cache[gotPath] = stub;
}

/** Waits for Electronegativity's report file (it is written asynchronously) and parses it. */
async function readReport(file) {
  for (let attempt = 0; attempt < 200; attempt += 1) {
    try {
      return JSON.parse(readFileSync(file, 'utf8'));
    } catch {
      await sleep(25);
    }
  }
  throw new Error(`Electronegativity wrote no readable report at ${file}`);
}

/** Runs Electronegativity on one input; returns its SARIF findings (file paths relative to the repository) and parse errors. */
async function audit(run, input, reportFile, electronVersion) {
  const result = await run(
    {
      input,
      output: reportFile,
      isSarif: true,
      isRelative: true,
      customScan: [],
      excludeFromScan: SKIPPED_CHECKS,
      electronVersionOverride: electronVersion,
      parserPlugins: [],
    },
    false,
  );
  const sarif = await readReport(reportFile);
  const base = existsSync(input) && !input.endsWith('.html') && !input.endsWith('.ts') && !input.endsWith('.js') ? input : dirname(input);
  const findings = (sarif.runs?.[0]?.results ?? []).map((r) => {
    const location = r.locations?.[0]?.physicalLocation;
    const uri = location?.artifactLocation?.uri ?? 'N/A';
    const file = uri === 'file:///' || uri === 'N/A' ? 'N/A' : relative(ROOT, resolve(base, uri)).split(sep).join('/');
    return { check: r.ruleId, file, line: location?.region?.startLine ?? 0, level: r.level, message: r.message?.text ?? '' };
  });
  const errors = (result?.errors ?? []).filter((e) => !e.tolerable).map((e) => `${relative(ROOT, e.file)}: ${e.message}`);
  return { findings, errors };
}

async function main() {
  const { values } = parseArgs({ options: { input: { type: 'string', multiple: true }, allow: { type: 'string' } } });
  const inputs = (values.input ?? ['electron']).map((p) => resolve(ROOT, p));
  const allowFile = resolve(ROOT, values.allow ?? 'scripts/electronegativity-allow.json');
  const allowList = readAllowList(allowFile);
  const packageDir = dirname(require.resolve('@doyensec/electronegativity/package.json'));
  const electronVersion = JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8')).version;

  stubTranslationDownload(packageDir);
  const runner = require('@doyensec/electronegativity');
  const run = runner.default ?? runner;

  const outDir = mkdtempSync(join(tmpdir(), 'mctw-electronegativity-'));
  const findings = [];
  const parseErrors = [];
  const quiet = console.log;
  try {
    for (const [index, input] of inputs.entries()) {
      if (!existsSync(input)) throw new Error(`input not found: ${relative(ROOT, input) || input}`);
      console.log = () => undefined; // Electronegativity's own chatter ("Could not retrieve updated translations…")
      try {
        const result = await audit(run, input, join(outDir, `report-${index}.sarif`), electronVersion);
        findings.push(...result.findings);
        parseErrors.push(...result.errors);
      } finally {
        console.log = quiet;
      }
    }
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }

  const isAllowed = (f) => allowList.find((a) => a.check.toUpperCase() === String(f.check).toUpperCase() && a.file === f.file);
  const unreviewed = findings.filter((f) => !isAllowed(f));
  const used = new Set(findings.map(isAllowed).filter(Boolean));

  console.log(
    `Electronegativity ${require(join(packageDir, 'package.json')).version} on ${inputs.map((i) => relative(ROOT, i) || '.').join(', ')} (Electron ${electronVersion}): ${findings.length} finding(s).`,
  );
  for (const f of findings) {
    const allowed = isAllowed(f);
    console.log(`  ${allowed ? 'allowed   ' : 'UNREVIEWED'} ${f.check} ${f.file}:${f.line}`);
    console.log(`             ${allowed ? `reason: ${allowed.reason}` : f.message.replace(/\s+/g, ' ').slice(0, 300)}`);
  }
  for (const stale of allowList.filter((a) => !used.has(a)))
    console.log(`  note: allow-list entry no longer matches anything: ${stale.check} ${stale.file}`);
  for (const error of parseErrors) console.error(`  could not parse ${error}`);

  if (parseErrors.length > 0) {
    console.error('audit-electron: some files could not be parsed, so they were not audited.');
    process.exit(2);
  }
  if (unreviewed.length > 0) {
    console.error(
      `audit-electron: ${unreviewed.length} unreviewed finding(s). Fix them, or add a reviewed entry (check, file, reason) to ${relative(ROOT, allowFile)}.`,
    );
    process.exit(1);
  }
  console.log('audit-electron: no unreviewed findings.');
}

main().catch((error) => {
  console.error(`audit-electron: the audit could not run: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(2);
});
