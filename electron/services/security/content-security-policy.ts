/** Response headers as Electron's webRequest hands them over. */
export type ResponseHeaders = Record<string, string[] | string>;

/** Sets the strict Content-Security-Policy header in place. The policy is written as a literal here so the Electronegativity audit evaluates it. */
function setPolicyHeader(headers: ResponseHeaders): void {
  headers['Content-Security-Policy'] =
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; worker-src 'self'; connect-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
}

/** Returns the headers with any Content-Security-Policy (any letter case) replaced by the strict policy. */
export function withContentSecurityPolicy(headers: ResponseHeaders | undefined): ResponseHeaders {
  const result: ResponseHeaders = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (name.toLowerCase() !== 'content-security-policy') result[name] = value;
  }
  setPolicyHeader(result);
  return result;
}

/** The strict Content-Security-Policy of the renderer: sent as a response header by the main process and repeated as a meta tag in index.html. */
export const CONTENT_SECURITY_POLICY = withContentSecurityPolicy(undefined)['Content-Security-Policy'] as string;
