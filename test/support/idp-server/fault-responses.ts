// The canned bad answers of the fault modes: a plain 500 and an HTML page (as a proxy or login wall sends).
import type { ServerResponse } from 'node:http';

/** The HTML page the `html` fault answers with. */
export const FAULT_HTML_PAGE =
  '<!DOCTYPE html>\n<html><head><title>502 Bad Gateway</title></head><body><h1>Bad Gateway</h1><p>The proxy could not reach the upstream server.</p></body></html>\n';

/** Answers 500 with a plain-text body and no OAuth error. */
export function sendServerError(res: ServerResponse, date: string): void {
  res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8', Date: date });
  res.end('Internal Server Error');
}

/** Answers with an HTML page at the given status. */
export function sendHtmlPage(res: ServerResponse, status: number, date: string): void {
  res.writeHead(status, { 'Content-Type': 'text/html; charset=utf-8', Date: date });
  res.end(FAULT_HTML_PAGE);
}
