// A fetch for tests that sends https://<label>.auth.marketingcloudapis.com/… to the local authorization server instead,
// keeping that host in the Host header (as a tssd host would get it): the tssd rules are then checked for real.
import { request } from 'node:http';

/** Everything else goes to the real fetch. */
export function tssdFetch(authBaseUrl: string): typeof fetch {
  const local = new URL(authBaseUrl);
  return (async (input: string | URL | Request, init?: RequestInit) => {
    const url = new URL(typeof input === 'string' || input instanceof URL ? input : input.url);
    if (!url.hostname.endsWith('.auth.marketingcloudapis.com')) return fetch(input, init);
    const body = typeof init?.body === 'string' ? init.body : '';
    const headers = Object.fromEntries(new Headers(init?.headers).entries());
    return new Promise<Response>((resolve, reject) => {
      const req = request(
        {
          host: local.hostname,
          port: local.port,
          path: `${url.pathname}${url.search}`,
          method: init?.method ?? 'GET',
          headers: { ...headers, host: url.host },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => {
            const answer = new Response(Buffer.concat(chunks), {
              status: res.statusCode ?? 500,
              headers: Object.entries(res.headers).flatMap(([k, v]) => (typeof v === 'string' ? [[k, v] as [string, string]] : [])),
            });
            Object.defineProperty(answer, 'url', { value: url.href });
            resolve(answer);
          });
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  }) as typeof fetch;
}
