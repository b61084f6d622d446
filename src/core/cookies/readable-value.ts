// Audit rule 11: identifiers must be meaningless (OWASP). A value that decodes to JSON, an e-mail
// address or a JWT's claims tells anyone who sees it (logs, proxies, scripts) who the person is.
import { findEmail, parseJsonStructure, readJwt, valueReadings } from './value-decoding.ts';

/** Plain-words description of what the value gives away, or undefined when it reads as opaque. */
export function readableValueReason(value: string): string | undefined {
  for (const { how, text } of valueReadings(value)) {
    const jwt = readJwt(text);
    if (jwt) {
      const claims = Object.keys(jwt.claims);
      const email = findEmail(JSON.stringify(jwt.claims));
      return `The value (${how}) is a JWT whose claims anyone can read${claims.length ? `: ${claims.join(', ')}` : ''}${email ? `, including the e-mail address ${email}` : ''}.`;
    }
  }
  for (const { how, text } of valueReadings(value)) {
    const json = parseJsonStructure(text);
    if (json) {
      const keys = Array.isArray(json) ? [] : Object.keys(json);
      return `The value (${how}) is readable JSON${keys.length ? ` with the keys ${keys.slice(0, 8).join(', ')}` : ''}.`;
    }
  }
  for (const { how, text } of valueReadings(value)) {
    const email = findEmail(text);
    if (email) return `The value (${how}) contains the e-mail address ${email}.`;
  }
  return undefined;
}
