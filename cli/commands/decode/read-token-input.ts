import type { CliIo } from '../../cli-io';
import { readStdin } from '../../io/read-stdin';
import { UsageError } from '../../usage-error';

/** The token text: the argument, or stdin when the argument is `-` or absent with stdin piped; absent with a terminal is a usage error. */
export async function readTokenInput(argument: string | undefined, io: Pick<CliIo, 'stdin'>): Promise<string> {
  if (argument === '-') return readStdin(io.stdin);
  if (argument !== undefined) return argument;
  if (io.stdin.isTTY === true) {
    throw new UsageError('No token given: pass it as an argument, or pipe it on stdin (mctoken decode - < token.txt).');
  }
  return readStdin(io.stdin);
}
