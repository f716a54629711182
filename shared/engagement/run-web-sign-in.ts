// The second half of a sign-in: the pasted redirect address read (state checked, code and tssd taken) and the code exchanged
// at once (codes live 5 minutes). Expected failures come back as data; the client secret, the code and the refresh token
// are masked in every step.
import { toErrorPayload } from '../errors/workbench-error';
import { maskErrorSecrets } from '../exchange/mask-secrets';
import { StepTracker } from '../exchange/flow-steps';
import type { FlowWarning } from '../exchange/flow-types';
import { MASK } from '../exchange/shown-exchange';
import type { NetOptions } from '../exchange/timed-request';
import { showAuthorizeRequest } from './authorize-url';
import { checkClientSecret } from './credentials';
import { readRedirectAnswer } from './redirect-answer';
import { tenantFromAuthUrl } from './tenant';
import { tokenTenantFor } from './token-host';
import type { WebAppReport, WebSignInStepId } from './web-app-types';
import { codeExchangeFields } from './web-app-token';
import { CODE_LIFETIME_MS, type WebSignInPlan } from './web-sign-in-plan';
import { webTokenStep } from './web-token-step';

/** The titles of the sign-in's steps. */
export const WEB_SIGN_IN_STEP_TITLES: Readonly<Record<WebSignInStepId, string>> = {
  authorize: 'Sign in (v2/authorize, in the browser)',
  redirect: 'Read the redirect address (state, code, tssd)',
  'code-exchange': 'Exchange the code (v2/token, authorization_code)',
};

/** What finishing a sign-in needs besides its plan. */
export interface WebSignInFinish {
  /** The address the browser ended on, pasted back (or its `?code=…&state=…` part). */
  pasted: string;
  /** The web app's client secret; null for a public app (which sends none). */
  clientSecret: string | null;
  /** What to tell the user to do when the code is refused (e.g. the command to run again). */
  signInAgain?: string;
  timeoutMs?: number;
  signal?: AbortSignal;
}

const DEFAULT_SIGN_IN_AGAIN = 'sign in again and paste the new address at once.';

/** Runs the redirect and exchange steps; never throws for expected failures (the outcome carries them). */
export async function finishWebSignIn(
  plan: WebSignInPlan,
  finish: WebSignInFinish,
  deps: { fetch: typeof fetch; now?: () => number; onStep?: (step: WebAppReport['steps'][number]) => void },
): Promise<WebAppReport> {
  const now = deps.now ?? Date.now;
  const ids: WebSignInStepId[] = ['authorize', 'redirect', 'code-exchange'];
  const tracker = new StepTracker<WebSignInStepId>(
    now,
    deps.onStep,
    ids.map((id) => ({ id, title: WEB_SIGN_IN_STEP_TITLES[id], status: 'pending' })),
  );
  const net: NetOptions = { fetch: deps.fetch };
  if (finish.timeoutMs !== undefined) net.timeoutMs = finish.timeoutMs;
  if (finish.signal !== undefined) net.signal = finish.signal;
  const warnings: FlowWarning[] = [...plan.warnings];
  const secrets: string[] = [];
  let current: WebSignInStepId = 'redirect';
  // The sign-in in the browser took from the plan until the paste: shown as the first step.
  tracker.steps[0]!.startedAt = plan.startedAt;
  tracker.succeed('authorize', { request: showAuthorizeRequest(new URL(plan.authorizeUrl), plan.authorize) });
  try {
    const clientSecret = finish.clientSecret === null ? null : checkClientSecret(finish.clientSecret);
    if (clientSecret !== null) secrets.push(clientSecret);
    tracker.start('redirect');
    const answer = readRedirectAnswer(finish.pasted, { redirectUri: plan.authorize.redirectUri, state: plan.authorize.state });
    secrets.push(answer.code);
    const redirect = new URL(plan.authorize.redirectUri);
    const shown = [
      { name: 'code', value: MASK, sensitive: true, maskedLength: answer.code.length },
      { name: 'state', value: 'matches the one sent', sensitive: false },
      ...(answer.tssd === null ? [] : [{ name: 'tssd', value: answer.tssd, sensitive: false }]),
    ];
    tracker.succeed('redirect', { request: { method: 'GET', url: `${redirect.origin}${redirect.pathname}`, headers: [], params: shown } });

    current = 'code-exchange';
    const target = tokenTenantFor(tenantFromAuthUrl(plan.authBaseUrl), answer.tssd);
    warnings.push(...target.warnings);
    const late = now() - plan.startedAt > CODE_LIFETIME_MS;
    const signInAgain = finish.signInAgain ?? DEFAULT_SIGN_IN_AGAIN;
    const token = await webTokenStep(
      tracker,
      'code-exchange',
      {
        grant: 'authorization_code',
        tokenTenant: target.tenant,
        fields: codeExchangeFields({
          code: answer.code,
          clientId: plan.authorize.clientId,
          clientSecret,
          redirectUri: plan.authorize.redirectUri,
        }),
        requestedScopes: plan.requestedScopes,
        tssd: answer.tssd,
        signInAgain: late
          ? `this one was pasted ${Math.floor((now() - plan.startedAt) / 60_000)} minutes after the sign-in started, so it has most likely expired: ${signInAgain}`
          : `if it was not used already (a code works once), ${signInAgain}`,
      },
      net,
      secrets,
      warnings,
      now,
    );
    return { steps: tracker.steps, warnings, outcome: { ok: true, token } };
  } catch (error) {
    const masked = maskErrorSecrets(error, secrets);
    tracker.fail(current, masked);
    return { steps: tracker.steps, warnings, outcome: { ok: false, error: toErrorPayload(masked) } };
  }
}
