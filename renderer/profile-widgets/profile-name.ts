import type { ErrorPayload } from '../../shared/errors/workbench-error';
import { MAX_PROFILE_NAME_LENGTH } from '../../shared/profiles/profile';

/**
 * What is wrong with a profile name as typed, or null: empty (`emptyMessage`, which says what to type), or longer than
 * MAX_PROFILE_NAME_LENGTH once trimmed. The boxes have no maxLength: a pasted name is refused with its length, never cut.
 */
export function profileNameError(name: string, emptyMessage: string): ErrorPayload | null {
  const trimmed = name.trim();
  if (trimmed === '') return { code: 'ERR_PROFILE_INVALID', message: emptyMessage };
  if (trimmed.length > MAX_PROFILE_NAME_LENGTH)
    return {
      code: 'ERR_PROFILE_INVALID',
      message: `A profile name has at most ${MAX_PROFILE_NAME_LENGTH} characters; this one has ${trimmed.length}: shorten it.`,
    };
  return null;
}
