// Checks every import between folders of shared/ and renderer/ against the roles of scripts/folder-layers.js, that the
// folder graph has no cycle, and that each rule bites: a synthetic import of each forbidden kind is refused, the
// allowed kinds are not, a new folder gets its role's rule, and the eslint rule reports what the graph test reports.
import { ESLint } from 'eslint';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { describe, expect, it } from 'vitest';
import { folderCycles, importProblem, placeOf } from '../scripts/folder-layers.js';

const IMPORT = /(?:\bfrom\s*|\bimport\s*\(?\s*)['"](\.{1,2}\/[^'"]+)['"]/g;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

/** Every relative import of shared/ and renderer/ as [importing file, imported path without extension]. */
function importEdges(): [string, string][] {
  return ['shared', 'renderer']
    .flatMap(sourceFiles)
    .flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(IMPORT)].map((m): [string, string] => [
        file,
        normalize(join(dirname(file), m[1]!)).replace(/\.tsx?$/, ''),
      ]),
    );
}

/** The folder graph (`shared/decode` → `shared/encoding`, …) of the production files, tests left out. */
function folderGraph(edges: [string, string][]): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  for (const [from, to] of edges) {
    const a = placeOf(from);
    const b = placeOf(to);
    if (!a || !b || /\.test\.tsx?$/.test(from) || a.folder === 'test-support') continue;
    const [x, y] = [`${a.layer}/${a.folder}`, `${b.layer}/${b.folder}`];
    if (x !== y) graph.set(x, (graph.get(x) ?? new Set()).add(y));
  }
  return graph;
}

describe('folder layering of shared/ and renderer/', () => {
  const edges = importEdges();

  it('reads the imports it checks (static, dynamic and re-exports)', () => {
    expect(edges.length).toBeGreaterThan(500);
    expect(edges).toContainEqual(['renderer/app/lazy-screens.tsx', 'renderer/profiles/profiles-screen']);
    expect(edges).toContainEqual(['shared/claims/interpret/intelligence-assertion.ts', 'shared/decode/intelligence-audience']);
  });

  it('has no import the roles refuse', () => {
    const problems = edges.map(([from, to]) => importProblem(from, to) && `${from} → ${to}: ${importProblem(from, to)}`);
    expect(problems.filter(Boolean)).toEqual([]);
  });

  it('has no cycle between folders', () => {
    expect(folderCycles(folderGraph(edges))).toEqual([]);
  });

  it('refuses an import from one product folder of shared/ into another, a new folder included', () => {
    expect(importProblem('shared/engagement/x.ts', 'shared/intelligence/regions')).toBe(
      'shared/engagement (product) may not import shared/intelligence (product): a product folder never imports another; move what both need to a neutral folder.',
    );
    expect(importProblem('shared/compose/x.ts', 'shared/engagement/tenant')).toMatch(/^shared\/compose \(product\) may not/);
    expect(importProblem('shared/engagement/x.test.ts', 'shared/intelligence/regions')).toMatch(/never imports another/);
  });

  it('refuses an import from a lower shared/ layer into a higher one', () => {
    const up = /shared\/ folders import only lower layers/;
    expect(importProblem('shared/decode/x.ts', 'shared/intelligence/audience')).toMatch(up);
    expect(importProblem('shared/keys/x.ts', 'shared/ipc/request-schemas')).toMatch(up);
    expect(importProblem('shared/errors/x.ts', 'shared/exchange/timed-request')).toMatch(up);
    expect(importProblem('shared/profiles/x.ts', 'shared/ipc/ipc-contract')).toMatch(up);
    expect(importProblem('shared/exchange/x.ts', 'shared/compose/anything')).toMatch(up);
  });

  it('allows imports down the shared/ layers and between neutral folders', () => {
    for (const [from, to] of [
      ['shared/ipc/x.ts', 'shared/profiles/profile'],
      ['shared/profiles/x.ts', 'shared/intelligence/regions'],
      ['shared/compose/x.ts', 'shared/exchange/timed-request'],
      ['shared/verify/x.ts', 'shared/keys/key-info'],
      ['shared/encoding/x.ts', 'shared/errors/workbench-error'],
      ['shared/keys/x.test.ts', 'shared/ipc/request-schemas'],
    ]) {
      expect(importProblem(from!, to!), `${from} → ${to}`).toBeNull();
    }
  });

  it('refuses screen → screen, widgets → screen, production → test support, and a new screen gets the rule', () => {
    expect(importProblem('renderer/decoder/x.tsx', 'renderer/engagement/engagement-form')).toBe(
      'renderer/decoder (screen) may not import renderer/engagement (screen): a screen folder never imports another; move what both need to a neutral folder.',
    );
    expect(importProblem('renderer/compose/x.tsx', 'renderer/decoder/claims-table')).toMatch(/never imports another/);
    expect(importProblem('renderer/runs/step-view.tsx', 'renderer/decoder/claims-table')).toMatch(/widgets ← screen ← app/);
    expect(importProblem('renderer/runs/assertion-view.tsx', 'renderer/decoder/format-claim-value')).toMatch(/widgets ← screen/);
    expect(importProblem('renderer/common/x.tsx', 'renderer/app/app')).toMatch(/widgets ← screen ← app/);
    expect(importProblem('renderer/profiles/x.tsx', 'renderer/test-support/fake-bridge')).toMatch(/for tests only/);
    expect(importProblem('renderer/profiles/x.test.tsx', 'renderer/intelligence/credentials-screen')).toMatch(/never imports another/);
  });

  it('allows app → anything, screen → widgets, and tests to reach the app and test support', () => {
    for (const [from, to] of [
      ['renderer/app/app.tsx', 'renderer/compose/compose-screen'],
      ['renderer/main.tsx', 'renderer/styles/base.css'],
      ['renderer/compose/x.tsx', 'renderer/runs/step-view'],
      ['renderer/compose/x.tsx', 'renderer/profile-widgets/profile-picker'],
      ['renderer/compose/x.tsx', 'renderer/compose-widgets/y'],
      ['renderer/profiles/x.test.tsx', 'renderer/app/app'],
      ['renderer/test-support/harness.tsx', 'renderer/engagement/engagement-screen'],
      ['renderer/decoder/x.tsx', 'shared/engagement/legacy-refresh'],
    ]) {
      expect(importProblem(from!, to!), `${from} → ${to}`).toBeNull();
    }
  });

  it('finds a folder cycle in a synthetic graph', () => {
    const graph = new Map([
      ['shared/keys', new Set(['shared/ipc', 'shared/errors'])],
      ['shared/ipc', new Set(['shared/verify'])],
      ['shared/verify', new Set(['shared/keys'])],
    ]);
    expect(folderCycles(graph)).toEqual([['shared/ipc', 'shared/verify', 'shared/keys', 'shared/ipc']]);
  });

  it('is the eslint rule layers/folder-imports too', async () => {
    const eslint = new ESLint({ cwd: process.cwd() });
    const lint = async (filePath: string, code: string) =>
      ((await eslint.lintText(code, { filePath }))[0]?.messages ?? [])
        .filter((m) => m.ruleId === 'layers/folder-imports')
        .map((m) => m.message);
    expect(await lint('shared/decode/probe.ts', "export { REGIONS } from '../intelligence/regions';\n")).toEqual([
      importProblem('shared/decode/probe.ts', 'shared/intelligence/regions'),
    ]);
    expect(await lint('renderer/compose/probe.tsx', "export const p = () => import('../decoder/decoder-screen');\n")).toHaveLength(1);
    expect(await lint('renderer/compose/probe.tsx', "export { StepView } from '../runs/step-view';\n")).toEqual([]);
  });
});
