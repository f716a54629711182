import { version } from '../package.json';

/** The version of mctoken: package.json's, inlined by esbuild at build time. */
export const CLI_VERSION: string = version;
