// Reads the header or payload JSON a user typed: capped in size, a JSON object, nested at most MAX_JSON_DEPTH levels, and
// with the names given twice listed (JSON.parse keeps the last, another parser may keep the first). Used live by the
// Compose screen and again by the main process before signing.
import type { JsonObject } from '../decode/decoded-token';
import { duplicateKeyPaths } from '../decode/duplicate-keys';
import { MAX_JSON_DEPTH, nestsDeeperThan } from '../encoding/json-depth';
import { MAX_HEADER_CHARS, MAX_PAYLOAD_CHARS, composeError, type ComposePart } from './compose-errors';

/** A parsed header or payload, and the paths of names it gives twice (empty when none). */
export interface ComposeJson {
  value: JsonObject;
  duplicates: string[];
}

/** Where a JSON.parse message says it stopped ("at position 12"), as a line and column for the user. */
function positionOf(text: string, message: string): string {
  const match = /position (\d+)/.exec(message);
  if (match === null) return '';
  const offset = Math.min(Number(match[1]), text.length);
  const before = text.slice(0, offset).split('\n');
  return ` (line ${before.length}, column ${(before.at(-1)?.length ?? 0) + 1})`;
}

/** Parses the header or payload text; throws ERR_COMPOSE_TOO_LARGE, ERR_COMPOSE_JSON (with where it stopped) or ERR_COMPOSE_TOO_DEEP. */
export function parseComposeJson(text: string, part: ComposePart): ComposeJson {
  const limit = part === 'header' ? MAX_HEADER_CHARS : MAX_PAYLOAD_CHARS;
  if (text.length > limit) {
    throw composeError('ERR_COMPOSE_TOO_LARGE', `The ${part} is longer than ${limit / 1024} KiB: no ${part} of a token needs that much.`);
  }
  if (text.trim() === '') throw composeError('ERR_COMPOSE_JSON', `The ${part} is empty: write a JSON object, e.g. {}.`);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const where = positionOf(text, error instanceof Error ? error.message : '');
    throw composeError('ERR_COMPOSE_JSON', `The ${part} is not valid JSON${where}: check quotes, commas and brackets.`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw composeError(
      'ERR_COMPOSE_JSON',
      `The ${part} must be a JSON object ({ … }), not ${Array.isArray(value) ? 'an array' : 'a single value'}.`,
    );
  }
  if (nestsDeeperThan(value, MAX_JSON_DEPTH)) {
    throw composeError('ERR_COMPOSE_TOO_DEEP', `The ${part} nests more than ${MAX_JSON_DEPTH} levels deep: no token needs that.`);
  }
  return { value: value as JsonObject, duplicates: duplicateKeyPaths(text) };
}
