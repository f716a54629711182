// Reads a culture code (BCP 47 language tag such as en-US) as a language name.
import type { Interpreter } from '../claim-entry';

let displayNames: Intl.DisplayNames | null = null;
const cache = new Map<string, string>();
const MAX_CACHE = 256;

function languageName(tag: string): string {
  displayNames ??= new Intl.DisplayNames(['en'], { type: 'language', languageDisplay: 'standard' });
  try {
    const name = displayNames.of(tag);
    return name === undefined || name === tag ? `Language tag ${tag}` : name;
  } catch {
    return 'Not a valid language tag (expected e.g. en-US).';
  }
}

/** Interprets `request.user.culture`: "en-US" → "English (United States)". */
export const interpretCulture: Interpreter = (value) => {
  if (typeof value !== 'string' || value === '') return 'Not a language tag such as en-US.';
  let name = cache.get(value);
  if (name === undefined) {
    name = languageName(value);
    if (cache.size < MAX_CACHE) cache.set(value, name);
  }
  return name;
};
