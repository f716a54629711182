// Types of scripts/folder-layers.js (plain JS so eslint.config.js can load it).
import type { Rule } from 'eslint';

export declare const SHARED_ROLES: Readonly<Record<string, 'base' | 'core' | 'profiles' | 'ipc'>>;
export declare const RENDERER_ROLES: Readonly<Record<string, 'widgets' | 'test-support' | 'app'>>;
export declare function placeOf(file: string): { layer: 'shared' | 'renderer'; folder: string; file: string } | null;
export declare function roleOf(layer: 'shared' | 'renderer', folder: string): string;
export declare function importProblem(from: string, to: string): string | null;
export declare function folderCycles(graph: ReadonlyMap<string, ReadonlySet<string>>): string[][];
export declare const folderImportsRule: Rule.RuleModule;
