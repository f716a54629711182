// The who-am-I answer as a table, shown the same way after a server-to-server run and after a web or public app's
// sign-in, the labelled row both results' tables are made of, and the scopes granted vs asked.
import type { WhoAmISummary } from '../../shared/engagement/flow-types';
import { SCOPE_CHANGE_DELAY_NOTE } from '../../shared/engagement/scopes';
import { Badge } from '../common/badge';

/** One labelled value of a details table; a dash when there is none. */
export function DetailRow({ name, value }: { name: string; value: string | null }) {
  return (
    <tr>
      <th scope="row">{name}</th>
      <td className="mono">{value ?? '—'}</td>
    </tr>
  );
}

/** A userinfo list as one cell: "none" for an empty list, null (a dash) when userinfo sent none. */
function listText(items: readonly string[] | null, separator: string): string | null {
  if (items === null) return null;
  return items.length === 0 ? 'none' : items.join(separator);
}

/**
 * Who a token belongs to, from v2/userinfo: business unit, enterprise, stack, region, user, and the package's own scopes and
 * redirect URLs; the SOAP endpoint found when given (the server-to-server result shows it with the token's details).
 */
export function WhoAmITable({ summary, soapEndpoint }: { summary: WhoAmISummary; soapEndpoint?: string | null }) {
  return (
    <table className="fields-table" aria-label="Who am I">
      <caption>Who am I (v2/userinfo)</caption>
      <tbody>
        <DetailRow name="MID (business unit)" value={summary.mid} />
        <DetailRow name="Enterprise id" value={summary.enterpriseId} />
        <DetailRow name="Enterprise" value={summary.enterpriseName} />
        <DetailRow name="Stack" value={summary.stack} />
        <DetailRow name="Region" value={summary.region} />
        <DetailRow name="User" value={[summary.userName, summary.userEmail].filter((part) => part !== null).join(' · ') || null} />
        <DetailRow name="Package" value={summary.applicationName} />
        <DetailRow name="Package scopes" value={listText(summary.applicationScopes, ' ')} />
        <DetailRow name="Redirect URLs" value={listText(summary.redirectUrls, ' · ')} />
        {soapEndpoint !== undefined && <DetailRow name="SOAP endpoint" value={soapEndpoint} />}
      </tbody>
    </table>
  );
}

/** Scopes granted vs asked, with the docs' five-minute note beside those not granted (both token results). */
export function ScopesGranted({
  token,
}: {
  token: { requestedScopes: readonly string[] | null; grantedScopes: readonly string[]; missingScopes: readonly string[] };
}) {
  return (
    <div className="engagement-scopes" aria-label="Scopes">
      <h4 className="step-section__title">
        Scopes granted{token.requestedScopes === null ? " (the package's own: none were asked for)" : ''}
      </h4>
      <p data-testid="granted-scopes">
        {token.grantedScopes.length === 0 ? 'none' : token.grantedScopes.map((name) => <Badge key={name}>{name}</Badge>)}
      </p>
      {token.missingScopes.length > 0 && (
        <p className="field__help" data-testid="missing-scopes">
          Asked for but not granted:{' '}
          {token.missingScopes.map((name) => (
            <Badge key={name} tone="warning">
              {name}
            </Badge>
          ))}{' '}
          {SCOPE_CHANGE_DELAY_NOTE}
        </p>
      )}
    </div>
  );
}
