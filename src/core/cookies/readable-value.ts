// Audit rule 11: identifiers must be meaningless (OWASP). A value that decodes to JSON, an e-mail
// address or a JWT's claims tells anyone who sees it (logs, proxies, scripts) who the person is.
import { msg, type UserMessage } from '../user-error.ts';
import { findEmail, parseJsonStructure, readJwt, valueReadings } from './value-decoding.ts';

/** What the value gives away, or undefined when it reads as opaque. */
export function readableValueReason(value: string): UserMessage | undefined {
  for (const { how, text } of valueReadings(value)) {
    const jwt = readJwt(text);
    if (jwt) {
      const claims = Object.keys(jwt.claims);
      if (!claims.length) return msg('readableJwt', how);
      const email = findEmail(JSON.stringify(jwt.claims));
      return email
        ? msg('readableJwtClaimsEmail', how, claims.join(', '), email)
        : msg('readableJwtClaims', how, claims.join(', '));
    }
  }
  for (const { how, text } of valueReadings(value)) {
    const json = parseJsonStructure(text);
    if (json) {
      const keys = Array.isArray(json) ? [] : Object.keys(json);
      return keys.length ? msg('readableJsonKeys', how, keys.slice(0, 8).join(', ')) : msg('readableJson', how);
    }
  }
  for (const { how, text } of valueReadings(value)) {
    const email = findEmail(text);
    if (email) return msg('readableEmail', how, email);
  }
  return undefined;
}
