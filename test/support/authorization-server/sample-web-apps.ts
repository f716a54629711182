// Sample web and public apps and a user for tests. Secrets and passwords are made up.
import type { SignInUser, WebAppPackage } from './authorization-types';

export const WEB_APP: WebAppPackage = {
  clientId: 'webapp7c2k9d4m1x8q5z3v6b0n',
  clientSecret: 'WebAppSecret-4hT9pLx2Qm7Rv1Ks',
  redirectUris: ['https://127.0.0.1:80/', 'https://127.0.0.1:80/callback'],
  scopes: ['email_read', 'email_write', 'offline'],
};

export const PUBLIC_APP: WebAppPackage = {
  clientId: 'publicapp3f8j2w6y1r9t4u7e0',
  clientSecret: null,
  redirectUris: ['https://127.0.0.1:80/'],
  scopes: ['email_read', 'offline'],
};

/** An AppExchange partner's app: its redirect names a tssd, and token calls must go to that host. */
export const TSSD_APP: WebAppPackage = {
  clientId: 'tssdapp5g1h8k3l0p2o9i6u4y',
  clientSecret: 'TssdAppSecret-8dN3vBq6Wz1Xc5Mj',
  redirectUris: ['https://127.0.0.1:80/'],
  scopes: ['email_read', 'offline'],
  tssd: 'mcpartner0tssd1234567890abcd',
};

export const SIGN_IN_USER: SignInUser = { username: 'web.user', password: 'Correct-Horse-7', mid: '510001234' };
