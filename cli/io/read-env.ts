import { UsageError } from '../usage-error';

/** The value of an environment variable named on the command line; unset or empty is a usage error naming the option. */
export function readEnv(env: NodeJS.ProcessEnv, name: string, option: string): string {
  const value = env[name];
  if (value === undefined) throw new UsageError(`${option} names the environment variable ${name}, which is not set: export it first.`);
  if (value === '') throw new UsageError(`${option} names the environment variable ${name}, which is empty: put the value in it first.`);
  return value;
}
