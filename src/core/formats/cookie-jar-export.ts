// Cookies travel in a Tabularium export only encrypted: the top-level `cookieJars` field is one
// EncryptedBlob holding the JSON of { [sessionId]: CookieRecord[] } (one blob, one passphrase
// prompt, no per-session metadata in the clear). Decrypted content is untrusted too: validated.
import * as v from 'valibot';
import type { CookieRecord } from '../cookies/cookie-record.ts';
import { DecryptError, decryptWithPassphrase, encryptWithPassphrase, type EncryptedBlob } from './passphrase-crypto.ts';
import { msg } from '../user-error.ts';

export type CookieJarMap = Record<string, CookieRecord[]>;

const CookieSchema = v.object({
  name: v.string(),
  value: v.string(),
  domain: v.string(),
  hostOnly: v.boolean(),
  path: v.string(),
  secure: v.boolean(),
  httpOnly: v.boolean(),
  sameSite: v.picklist(['no_restriction', 'lax', 'strict', 'unspecified']),
  session: v.boolean(),
  expirationDate: v.optional(v.number()),
  storeId: v.string(),
  partitionKey: v.optional(
    v.object({ topLevelSite: v.optional(v.string()), hasCrossSiteAncestor: v.optional(v.boolean()) }),
  ),
  firstPartyDomain: v.optional(v.string()),
});

const JarMapSchema = v.record(v.string(), v.array(CookieSchema));

export function encryptCookieJars(
  jars: CookieJarMap,
  passphrase: string,
  opts?: { iterations?: number },
): Promise<EncryptedBlob> {
  return encryptWithPassphrase(new TextEncoder().encode(JSON.stringify(jars)), passphrase, opts);
}

/** Throws DecryptError for a wrong passphrase, a damaged blob, or content that is not cookie jars. */
export async function decryptCookieJars(blob: EncryptedBlob, passphrase: string): Promise<CookieJarMap> {
  const bytes = await decryptWithPassphrase(blob, passphrase);
  let data: unknown;
  try {
    data = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    throw new DecryptError(msg('decryptUnreadable'));
  }
  const parsed = v.safeParse(JarMapSchema, data);
  if (!parsed.success) throw new DecryptError(msg('decryptWrongShape'));
  const out: CookieJarMap = {};
  for (const [id, cookies] of Object.entries(parsed.output)) {
    // Rebuilt so optional fields that were absent stay absent.
    out[id] = cookies.map((c) => {
      const r: CookieRecord = {
        name: c.name,
        value: c.value,
        domain: c.domain,
        hostOnly: c.hostOnly,
        path: c.path,
        secure: c.secure,
        httpOnly: c.httpOnly,
        sameSite: c.sameSite,
        session: c.session,
        storeId: c.storeId,
      };
      if (c.expirationDate !== undefined) r.expirationDate = c.expirationDate;
      if (c.partitionKey !== undefined) {
        r.partitionKey = {};
        if (c.partitionKey.topLevelSite !== undefined) r.partitionKey.topLevelSite = c.partitionKey.topLevelSite;
        if (c.partitionKey.hasCrossSiteAncestor !== undefined)
          r.partitionKey.hasCrossSiteAncestor = c.partitionKey.hasCrossSiteAncestor;
      }
      if (c.firstPartyDomain !== undefined) r.firstPartyDomain = c.firstPartyDomain;
      return r;
    });
  }
  return out;
}
