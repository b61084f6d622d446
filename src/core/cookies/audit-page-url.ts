// The page's own address can carry the session (`;jsessionid=…`, `?PHPSESSID=…`, `#access_token=…`):
// a finding beside the cookies' own, since it is the same credential kept in a worse place.
// Not one of REFERENCE's cookie rules; it is numbered 15 after them.
import { findUrlTokens, type UrlToken } from '../url-tokens.ts';
import { counted, msg } from '../user-error.ts';
import type { Finding } from './audit-finding.ts';

export const URL_TOKEN_RULE = 15;

/** How the parameter is written in an address: `;jsessionid`, `?PHPSESSID`, `#access_token`. */
function written(t: UrlToken): string {
  if (t.place === 'path') return t.name.startsWith('(') ? `/${t.name}/` : `;${t.name}`;
  return t.place === 'query' ? `?${t.name}` : `#${t.name}`;
}

export function auditPageUrl(url: string): Finding[] {
  const tokens = findUrlTokens(url);
  if (tokens.length === 0) return [];
  const names = [...new Set(tokens.map(written))];
  return [
    {
      rule: URL_TOKEN_RULE,
      id: 'session-token-in-url',
      severity: 'Medium',
      title: msg('auditUrlTokenTitle'),
      reason: counted(names.length, 'auditUrlTokenReasonOne', 'auditUrlTokenReasonOther', names.join(', ')),
      fix: msg('auditUrlTokenFix'),
    },
  ];
}
