import type { HandlerTable, RouterServices } from '../router-types';

/** token:run (progress as token:progress events for the run id) and token:cancel. */
export function tokenHandlers(services: RouterServices): Pick<HandlerTable, 'token:run' | 'token:cancel'> {
  const { tokens } = services;
  return {
    'token:run': (request, context) => tokens.run(request, (step) => context.emit('token:progress', { runId: request.runId, step })),
    'token:cancel': async ({ runId }) => ({ cancelled: tokens.cancel(runId) }),
  };
}
