import type { HandlerTable, RouterServices } from '../router-types';

/** profiles:list/save/rename/delete, handed to the profile service (secrets go to the keychain there, never back here). */
export function profileHandlers(services: RouterServices): Pick<HandlerTable, 'profiles:list' | 'profiles:save' | 'profiles:rename' | 'profiles:delete'> {
  const { profiles } = services;
  return {
    'profiles:list': () => profiles.list(),
    'profiles:save': (request) => profiles.save(request),
    'profiles:rename': ({ id, name }) => profiles.rename(id, name),
    'profiles:delete': async ({ id }) => {
      await profiles.delete(id);
      return { id };
    },
  };
}
