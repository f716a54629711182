// Reading a response body defensively: JSON objects, HTML pages, and text fit to quote in a message.
import type { TimedResponse } from './timed-request';
import { headerValue } from './timed-request';

/** Parses the body as a JSON object; null when it is not JSON or not an object. */
export function jsonObjectBody(body: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(body);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** True when the body parses as JSON at all (object or not). */
export function isJsonBody(body: string): boolean {
  try {
    JSON.parse(body);
    return true;
  } catch {
    return false;
  }
}

/** True when the response is an HTML page (by Content-Type or by its first tag): a login page, a proxy, or a wrong URL. */
export function looksLikeHtml(response: TimedResponse): boolean {
  const type = headerValue(response, 'content-type') ?? '';
  return /text\/html|application\/xhtml/i.test(type) || /^\s*(<!doctype html|<html|<head|<body)/i.test(response.body);
}

/** Runs of token characters and dots: matched greedily, each character once (a pattern with `{8,}` per segment was quadratic). */
const WORD = /[A-Za-z0-9_.-]+/g;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]+/g;

/** True when a word holds three dot-separated segments of at least 8 characters in a row: a JWS (or JWT) is in it. */
function holdsJws(word: string): boolean {
  let longInARow = 0;
  for (const segment of word.split('.')) {
    longInARow = segment.length >= 8 ? longInARow + 1 : 0;
    if (longInARow === 3) return true;
  }
  return false;
}

/** Server text made safe to quote in a message: token-like strings removed, control characters dropped, one line, at most `max` characters. */
export function quotableServerText(text: string, max = 200): string {
  const clean = text
    .replace(WORD, (word) => (holdsJws(word) ? '[token removed]' : word))
    .replace(CONTROL, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return clean.length > max ? `${clean.slice(0, max)}…` : clean;
}
