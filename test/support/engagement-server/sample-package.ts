// A sample installed package for tests. The secret is made up.
import type { EngagementPackage } from './engagement-types';

/** The default business unit of the sample package, and one more it can reach. */
export const SAMPLE_MID = '510001234';
export const OTHER_MID = '510005678';

/** A server-to-server package with three scopes and two business units. */
export const SAMPLE_PACKAGE: EngagementPackage = {
  clientId: 'k3n8d2w7q9x4c1v6b5m0z8a2',
  clientSecret: 'S2sSampleSecret-9fJ2kLm4Qp7Rt1Vw',
  scopes: ['email_read', 'email_write', 'data_extensions_read'],
  accounts: [SAMPLE_MID, OTHER_MID],
  enterpriseId: 514000001,
};
