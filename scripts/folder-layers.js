// Which folder of shared/ and renderer/ may import which, by role, so a new folder gets a rule without an edit here:
// any shared/ folder not named below is a product (or tool) folder, any renderer/ folder not named below is a screen.
// Used by eslint.config.js (rule layers/folder-imports) and test/folder-layers.test.ts (the whole graph, and no cycles).

/**
 * shared/: base ← core (neutral) ← product ← profiles ← ipc. A folder imports lower ranks; base and core folders
 * also import their own rank (the graph test keeps that acyclic); a product never imports another product.
 */
export const SHARED_ROLES = Object.freeze({
  errors: 'base',
  encoding: 'base',
  exchange: 'core',
  limits: 'core',
  keys: 'core',
  decode: 'core',
  claims: 'core',
  verify: 'core',
  profiles: 'profiles',
  ipc: 'ipc',
});
const SHARED_RANKS = Object.freeze({ base: 0, core: 1, product: 2, profiles: 3, ipc: 4 });

/**
 * renderer/: widgets ← screen ← app. Screens never import each other; what two screens use lives in a widget folder
 * (one named below, or any folder whose name ends in -widgets).
 */
export const RENDERER_ROLES = Object.freeze({
  bridge: 'widgets',
  hooks: 'widgets',
  common: 'widgets',
  runs: 'widgets',
  styles: 'widgets',
  'test-support': 'test-support',
  app: 'app',
  '': 'app',
});

/** `{ layer, folder, file }` of a repository-relative path under shared/ or renderer/, else null. */
export function placeOf(file) {
  const parts = file.replaceAll('\\', '/').split('/');
  if (parts[0] !== 'shared' && parts[0] !== 'renderer') return null;
  return { layer: parts[0], folder: parts.length > 2 ? parts[1] : '', file: parts.join('/') };
}

const isTestFile = (file) => /\.test\.tsx?$/.test(file) || file.startsWith('renderer/test-support/');

/** The role of a folder of shared/ or renderer/ (see the tables above). */
export function roleOf(layer, folder) {
  if (layer === 'shared') return SHARED_ROLES[folder] ?? 'product';
  return RENDERER_ROLES[folder] ?? (folder.endsWith('-widgets') ? 'widgets' : 'screen');
}

/**
 * Why the file `from` may not import the file `to` (repository-relative paths, `to` with or without extension), or
 * null. Only imports between folders of one layer are judged here; the rest is eslint.config.js's layer rules.
 * Tests and test-support may cross neutral folders and reach the app, but not from one product or screen into another.
 */
export function importProblem(from, to) {
  const a = placeOf(from);
  const b = placeOf(to);
  if (!a || !b || a.layer !== b.layer || a.folder === b.folder) return null;
  const fromRole = roleOf(a.layer, a.folder);
  const toRole = roleOf(b.layer, b.folder);
  const where = `${a.layer}/${a.folder || '.'} (${fromRole})`;
  const target = `${b.layer}/${b.folder || '.'} (${toRole})`;
  const sideways = a.layer === 'shared' ? 'product' : 'screen';
  if (fromRole === sideways && toRole === sideways)
    return `${where} may not import ${target}: a ${sideways} folder never imports another; move what both need to a neutral folder.`;
  if (isTestFile(a.file)) return null;
  if (a.layer === 'shared') {
    const up = SHARED_RANKS[toRole] - SHARED_RANKS[fromRole];
    if (up > 0)
      return `${where} may not import ${target}: shared/ folders import only lower layers (base ← core ← product ← profiles ← ipc).`;
    return null;
  }
  if (toRole === 'test-support') return `${where} may not import ${target}: test support is for tests only.`;
  if (fromRole === 'app') return null;
  if (toRole === 'app' || (fromRole === 'widgets' && toRole === 'screen'))
    return `${where} may not import ${target}: renderer/ folders import only lower layers (widgets ← screen ← app).`;
  return null;
}

/** Every cycle in a folder graph (`Map<folder, Set<folder>>`), each as its path `[a, b, …, a]`, found once. */
export function folderCycles(graph) {
  const cycles = [];
  const seen = new Set();
  const visit = (node, path) => {
    const at = path.indexOf(node);
    if (at >= 0) {
      const cycle = path.slice(at);
      const key = [...cycle].sort().join(' ');
      if (!seen.has(key)) {
        seen.add(key);
        cycles.push([...cycle, node]);
      }
      return;
    }
    for (const next of graph.get(node) ?? []) visit(next, [...path, node]);
  };
  for (const node of [...graph.keys()].sort()) visit(node, []);
  return cycles;
}

/** ESLint rule layers/folder-imports: reports each relative import {@link importProblem} refuses. */
export const folderImportsRule = {
  meta: { type: 'problem', schema: [], docs: { description: 'Folder layering inside shared/ and renderer/ (scripts/folder-layers.js).' } },
  create(context) {
    const cwd = context.cwd.replaceAll('\\', '/');
    const file = context.filename.replaceAll('\\', '/').replace(`${cwd}/`, '');
    const dir = file.split('/').slice(0, -1);
    const check = (node) => {
      const spec = node.source?.value;
      if (typeof spec !== 'string' || !spec.startsWith('.')) return;
      const parts = [...dir];
      for (const part of spec.split('/')) {
        if (part === '..') parts.pop();
        else if (part !== '.') parts.push(part);
      }
      const problem = importProblem(file, parts.join('/'));
      if (problem) context.report({ node: node.source, message: problem });
    };
    return { ImportDeclaration: check, ImportExpression: check, ExportNamedDeclaration: check, ExportAllDeclaration: check };
  },
};
