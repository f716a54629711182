// The app's web or public app sign-ins (authorization code), held in the main process: begin checks the inputs, makes the
// state and keeps the sign-in (plan and client secret) under its sender and a sign-in id; finish reads the pasted address
// and exchanges the code at once; save stores the refresh token the exchange gave, which never leaves this process; whoami
// asks v2/userinfo (and the SOAP endpoint) with the access token the exchange gave, held here too.
import { randomUUID } from 'node:crypto';
import { checkClientSecret } from '../../../shared/engagement/credentials';
import { finishWebSignIn } from '../../../shared/engagement/run-web-sign-in';
import { tenantFromAuthUrl } from '../../../shared/engagement/tenant';
import { runWhoamiReport, type WhoamiReport } from '../../../shared/engagement/whoami-calls';
import type { WebAppReport } from '../../../shared/engagement/web-app-types';
import { planWebSignIn, type WebSignInPlan } from '../../../shared/engagement/web-sign-in-plan';
import { WorkbenchError } from '../../../shared/errors/workbench-error';
import { isLoopbackHost } from '../../../shared/exchange/endpoint-url';
import type {
  IpcEventMap,
  WebSignInBeginRequest,
  WebSignInFinishRequest,
  WebSignInStarted,
  WebSignInWhoamiRequest,
} from '../../../shared/ipc/ipc-contract';
import type { Profile } from '../../../shared/profiles/profile';
import type { ProfileService } from '../profiles/profile-service';
import { webAppSaveRequest } from '../profiles/web-app-fields';

/**
 * How long a sign-in waits for its pasted address, and then for "Save as profile" (holding its refresh token): as long as
 * `mctoken login` waits for the paste. A code lives 5 minutes from when it is issued, which may be well after begin.
 */
export const SIGN_IN_LIFETIME_MS = 15 * 60_000;

/** The most sign-ins one sender may have open at once: a new one beyond it drops the oldest. */
export const MAX_SIGN_INS_PER_SENDER = 8;

/** Refusals of the redirect that used nothing: the sign-in stays open for the right address. */
const NOTHING_USED = new Set(['ERR_AUTH_STATE_MISMATCH', 'ERR_AUTH_REDIRECT_INVALID']);

type SignInStep = IpcEventMap['engagement:progress']['step'];

/**
 * One sign-in: waiting for its paste, being finished, or finished with the tokens it got: the refresh token until saved,
 * the access token (for who-am-I) until the sign-in expires. `saved`: its refresh token went to the keychain.
 */
interface SignIn {
  sender: string;
  plan: WebSignInPlan;
  clientSecret: string | null;
  phase: 'waiting' | 'finishing' | 'finished';
  expiresAt: number;
  token?: { refreshToken: string | null; tokenBaseUrl: string; accessToken: string; restInstanceUrl: string | null };
  saved?: boolean;
}

/** What the service needs. */
export interface WebSignInServiceDeps {
  /** safe-fetch in the app. */
  fetch: typeof fetch;
  profiles: Pick<ProfileService, 'saveWebApp'>;
  /** Opens a URL in the system browser (the desktop app's shell.openExternal, in electron/app/security.ts); absent under mctoken ui. */
  openSignInPage?: (url: string) => Promise<void>;
  now?: () => number;
  newId?: () => string;
}

/** What the router needs of it; `sender` names the window or tab the request came from. */
export interface WebSignInPort {
  begin(sender: string, request: WebSignInBeginRequest): Promise<WebSignInStarted>;
  /** `signal`: the call's, aborted when the caller cancels (the exchange then ends as ERR_CANCELLED). */
  finish(sender: string, request: WebSignInFinishRequest, onStep?: (step: SignInStep) => void, signal?: AbortSignal): Promise<WebAppReport>;
  save(sender: string, request: { signInId: string; name: string }): Promise<Profile>;
  /** Who-am-I with a finished sign-in's access token (never one from the renderer); `signal` as for finish. */
  whoami(sender: string, request: WebSignInWhoamiRequest, onStep?: (step: SignInStep) => void, signal?: AbortSignal): Promise<WhoamiReport>;
}

function notFound(): WorkbenchError {
  return new WorkbenchError(
    'ERR_SIGN_IN_NOT_FOUND',
    'This sign-in is no longer open: it was used already, ran out of time (15 minutes), or was started in another window.',
    { hint: 'Press "Open sign-in page" again, sign in, and paste the new address.' },
  );
}

/** Only the sign-in pages a plan builds are opened: https, or http on this computer (the local test server). */
function openable(url: string): boolean {
  const parsed = new URL(url);
  return parsed.protocol === 'https:' || (parsed.protocol === 'http:' && isLoopbackHost(parsed.hostname));
}

/** Creates the service with no sign-in open. */
export function createWebSignInService(deps: WebSignInServiceDeps): WebSignInPort {
  const now = deps.now ?? Date.now;
  const newId = deps.newId ?? randomUUID;
  const signIns = new Map<string, SignIn>();

  // Expired sign-ins are dropped whenever the service is called: no timer keeps a refresh token alive or the process awake.
  const sweep = (): void => {
    for (const [id, signIn] of signIns) if (signIn.expiresAt <= now() && signIn.phase !== 'finishing') signIns.delete(id);
  };
  /** The sender's own sign-in; another sender's looks exactly like none. */
  const take = (sender: string, signInId: string): SignIn => {
    sweep();
    const signIn = signIns.get(signInId);
    if (signIn === undefined || signIn.sender !== sender) throw notFound();
    return signIn;
  };

  return {
    async begin(sender, request) {
      sweep();
      const plan = planWebSignIn(request, now);
      const typed = request.clientSecret ?? '';
      const clientSecret = typed.trim() === '' ? null : checkClientSecret(typed);
      const own = [...signIns].filter(([, signIn]) => signIn.sender === sender);
      for (const [id] of own.slice(0, Math.max(0, own.length - MAX_SIGN_INS_PER_SENDER + 1))) signIns.delete(id);
      const signInId = newId();
      const expiresAt = now() + SIGN_IN_LIFETIME_MS;
      signIns.set(signInId, { sender, plan, clientSecret, phase: 'waiting', expiresAt });
      let opened = false;
      if (request.open === true && deps.openSignInPage !== undefined && openable(plan.authorizeUrl)) {
        opened = await deps.openSignInPage(plan.authorizeUrl).then(
          () => true,
          () => false,
        );
      }
      return {
        signInId,
        authorizeUrl: plan.authorizeUrl,
        redirectUri: plan.authorize.redirectUri,
        requestedScopes: plan.requestedScopes,
        warnings: plan.warnings,
        expiresAt,
        opened,
      };
    },

    async finish(sender, request, onStep, signal) {
      const signIn = take(sender, request.signInId);
      if (signIn.phase !== 'waiting') throw notFound();
      signIn.phase = 'finishing';
      let report: WebAppReport;
      try {
        report = await finishWebSignIn(
          signIn.plan,
          {
            pasted: request.pasted,
            clientSecret: signIn.clientSecret,
            signInAgain: 'press "Open sign-in page" again and paste the new address at once.',
            ...(signal === undefined ? {} : { signal }),
            ...(request.timeoutMs === undefined ? {} : { timeoutMs: request.timeoutMs }),
          },
          { fetch: deps.fetch, now, ...(onStep === undefined ? {} : { onStep }) },
        );
      } catch (error) {
        signIn.phase = 'waiting';
        throw error;
      }
      const { outcome } = report;
      if (!outcome.ok) {
        if (NOTHING_USED.has(outcome.error.code)) signIn.phase = 'waiting';
        else signIns.delete(request.signInId);
        return report;
      }
      // The refresh token stays here for "Save as profile"; the renderer learns only that one came, and its length.
      signIn.phase = 'finished';
      signIn.expiresAt = now() + SIGN_IN_LIFETIME_MS;
      const { refreshToken, tokenBaseUrl, accessToken, restInstanceUrl } = outcome.token;
      signIn.token = { refreshToken, tokenBaseUrl, accessToken, restInstanceUrl };
      return { ...report, outcome: { ok: true, token: { ...outcome.token, refreshToken: null } } };
    },

    async save(sender, { signInId, name }) {
      const signIn = take(sender, signInId);
      if (signIn.phase !== 'finished' || signIn.token === undefined || signIn.saved === true) throw notFound();
      const { plan, clientSecret, token } = signIn;
      const profile = await deps.profiles.saveWebApp(webAppSaveRequest(name, plan, token, clientSecret));
      // Saved: the refresh token lives in the keychain now, and nowhere in this process (the access token stays for who-am-I).
      signIn.saved = true;
      token.refreshToken = null;
      return profile;
    },

    async whoami(sender, request, onStep, signal) {
      const signIn = take(sender, request.signInId);
      if (signIn.phase !== 'finished' || signIn.token === undefined) throw notFound();
      const { accessToken, restInstanceUrl, tokenBaseUrl } = signIn.token;
      // The token goes where it came from (the tssd host when the redirect named one) and to that tenant's own REST host.
      return runWhoamiReport(
        tenantFromAuthUrl(tokenBaseUrl),
        { accessToken, restInstanceUrl },
        {
          fetch: deps.fetch,
          ...(signal === undefined ? {} : { signal }),
          ...(request.timeoutMs === undefined ? {} : { timeoutMs: request.timeoutMs }),
        },
        { now, ...(onStep === undefined ? {} : { onStep }) },
      );
    },
  };
}
