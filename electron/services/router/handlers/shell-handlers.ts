import { WorkbenchError } from '../../../../shared/errors/workbench-error';
import { isExternalWebUrl } from '../../security/app-document';
import type { HandlerTable, RouterServices } from '../router-types';

/** shell:open-external: opens http(s) links only (anything else is ERR_URL_INVALID) with the injected opener. */
export function shellHandlers(services: RouterServices): Pick<HandlerTable, 'shell:open-external'> {
  return {
    'shell:open-external': async ({ url }) => {
      if (!isExternalWebUrl(url)) throw new WorkbenchError('ERR_URL_INVALID', 'Only http:// and https:// links can be opened in the browser: check the link.');
      await services.openExternal(new URL(url).href);
      return null;
    },
  };
}
