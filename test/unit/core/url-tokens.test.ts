import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  findUrlTokens,
  hasUrlToken,
  isTokenParameter,
  stripUrlTokens,
  type UrlToken,
} from '../../../src/core/url-tokens.ts';

const HEX = '9f86d081884c7d659a2feaa0c55ad015';
const JWT =
  'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ' +
  '.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c';
const AMZ =
  'https://bucket.s3.amazonaws.com/report.pdf?X-Amz-Algorithm=AWS4-HMAC-SHA256' +
  '&X-Amz-Credential=AKIAEXAMPLE%2F20260101%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Date=20260101T000000Z' +
  '&X-Amz-Expires=900&X-Amz-SignedHeaders=host';

// [address, tokens found, address stripped]
const MATCHES: [string, UrlToken[], string][] = [
  [`https://shop.test/cart;jsessionid=${HEX}`, [{ place: 'path', name: 'jsessionid' }], 'https://shop.test/cart'],
  [
    `https://shop.test/cart;jsessionid=${HEX}?item=3#reviews`,
    [{ place: 'path', name: 'jsessionid' }],
    'https://shop.test/cart?item=3#reviews',
  ],
  [
    // Tomcat's route suffix, upper-case name, a parameter in a middle segment.
    `https://shop.test/app;JSESSIONID=${HEX.toUpperCase()}.node01/list`,
    [{ place: 'path', name: 'JSESSIONID' }],
    'https://shop.test/app/list',
  ],
  [
    'https://shop.test/a;v=2;sid=Zk3nQ8zR_x2LmP0aVt7Yw9/b',
    [{ place: 'path', name: 'sid' }],
    'https://shop.test/a;v=2/b',
  ],
  [
    'http://forum.test/index.php?PHPSESSID=lq3k8v0mhs9d2r6n4j1t7b5a0c&page=2',
    [{ place: 'query', name: 'PHPSESSID' }],
    'http://forum.test/index.php?page=2',
  ],
  [`https://x.test/?a=1&sid=${HEX}&b=2`, [{ place: 'query', name: 'sid' }], 'https://x.test/?a=1&b=2'],
  [`https://x.test/?session=${HEX}`, [{ place: 'query', name: 'session' }], 'https://x.test/'],
  [`https://x.test/p?sessionid=8f3a91c2e7`, [{ place: 'query', name: 'sessionid' }], 'https://x.test/p'],
  [`https://x.test/?token=${HEX}&lang=en`, [{ place: 'query', name: 'token' }], 'https://x.test/?lang=en'],
  [`https://api.test/v1?access_token=${HEX}`, [{ place: 'query', name: 'access_token' }], 'https://api.test/v1'],
  [`https://x.test/?auth=${HEX}`, [{ place: 'query', name: 'auth' }], 'https://x.test/'],
  [`https://x.test/?jwt=${JWT}`, [{ place: 'query', name: 'jwt' }], 'https://x.test/'],
  // A JWT is a credential under any name.
  [`https://x.test/go?next=${JWT}&x=1`, [{ place: 'query', name: 'next' }], 'https://x.test/go?x=1'],
  [`${AMZ}&X-Amz-Signature=${HEX}${HEX}`, [{ place: 'query', name: 'X-Amz-Signature' }], AMZ],
  [
    'https://acct.blob.core.windows.net/c/f.txt?sv=2022-11-02&se=2026-01-01&sr=b&sp=r' +
      '&sig=Zx4f%2B7kQ9yL2mN8pR3sT6vW1bC5dE0fG%3D',
    [{ place: 'query', name: 'sig' }],
    'https://acct.blob.core.windows.net/c/f.txt?sv=2022-11-02&se=2026-01-01&sr=b&sp=r',
  ],
  [
    `https://cdn.test/v.mp4?Expires=1767225600&Signature=${randomBase64()}&Key-Pair-Id=K2JCJMDEHXQW5F`,
    [{ place: 'query', name: 'Signature' }],
    'https://cdn.test/v.mp4?Expires=1767225600&Key-Pair-Id=K2JCJMDEHXQW5F',
  ],
  [
    'https://app.test/callback#access_token=ya29.a0AfH6SMBx3kQ-long_token_value_9f8e7d&token_type=Bearer&expires_in=3599',
    [{ place: 'fragment', name: 'access_token' }],
    'https://app.test/callback#token_type=Bearer&expires_in=3599',
  ],
  [
    `https://app.test/cb#id_token=${JWT}&access_token=${HEX}`,
    [
      { place: 'fragment', name: 'id_token' },
      { place: 'fragment', name: 'access_token' },
    ],
    'https://app.test/cb',
  ],
  [`https://spa.test/#/callback?token=${HEX}`, [{ place: 'fragment', name: 'token' }], 'https://spa.test/#/callback'],
  [
    'https://legacy.test/(S(lit3py55t21z5v55vlm25s55))/default.aspx?x=1',
    [{ place: 'path', name: '(S(…))' }],
    'https://legacy.test/default.aspx?x=1',
  ],
  [
    // All three places at once, each stripped; percent-encoding elsewhere untouched.
    `https://x.test/a%20b;jsessionid=${HEX}?q=caf%C3%A9&sid=${HEX}#access_token=${HEX}`,
    [
      { place: 'path', name: 'jsessionid' },
      { place: 'query', name: 'sid' },
      { place: 'fragment', name: 'access_token' },
    ],
    'https://x.test/a%20b?q=caf%C3%A9',
  ],
];

const NO_MATCH = [
  'https://x.test/?page=2',
  'https://x.test/?id=42',
  'https://x.test/search?q=session',
  'https://x.test/list?sort=token',
  'https://x.test/?q=jsessionid',
  // Names that could mean a session, with values that cannot.
  'https://conf.test/schedule?session=12',
  'https://x.test/?sid=1',
  'https://x.test/?token=',
  'https://x.test/?sessionid=abc',
  'https://x.test/login?auth=google',
  'https://x.test/?sig=1',
  'https://x.test/?token=hello-world-this-is-long',
  'https://x.test/?session=Spring%20meeting%202026',
  // Random-looking values under names that say nothing about sessions.
  `https://x.test/commit?sha=${HEX}`,
  `https://x.test/file;v=${HEX}`,
  'https://x.test/doc#section-2',
  'https://x.test/#/users/42?tab=posts',
  'https://x.test/wiki/Foo_(bar)',
  `javascript:void('?sid=${HEX}')`,
  `data:text/html,<a href="?sid=${HEX}">x</a>`,
  'about:blank',
];

function randomBase64(): string {
  return randomBytes(48).toString('base64url');
}

describe('session tokens in addresses', () => {
  it.each(MATCHES)('finds and strips them: %s', (url, tokens, stripped) => {
    expect(findUrlTokens(url)).toEqual(tokens);
    expect(hasUrlToken(url)).toBe(true);
    expect(stripUrlTokens(url)).toBe(stripped);
    expect(findUrlTokens(stripped)).toEqual([]);
  });

  it.each(NO_MATCH)('leaves alone an address without one: %s', (url) => {
    expect(findUrlTokens(url)).toEqual([]);
    expect(hasUrlToken(url)).toBe(false);
    expect(stripUrlTokens(url)).toBe(url);
  });

  it.each([
    ...['jsessionid', 'PHPSESSID', 'sessionid', 'session_id', 'sessid', 'CGISESSID', 'sessionToken', 'sessionkey'],
    ...['access_token', 'id_token', 'refresh_token', 'auth_token', 'oauth_token', 'bearer_token', 'api_key'],
    ...['apiKey', 'zenid', 'X-Amz-Signature', 'X-Amz-Security-Token', 'X-Goog-Signature', 'hdnts'],
    ...['ASPSESSIONIDQQGGQRBS', 'sid', 'session', 'sess', 'token', 'auth', 'sig', 'signature', 'hmac', 'ticket'],
    // A percent-escaped name is the same name to the server.
    '%73id',
  ])('knows the name %s (with a random value)', (name) => {
    expect(findUrlTokens(`https://x.test/p?a=1&${name}=${HEX}`)).toEqual([
      { place: 'query', name: decodeURIComponent(name) },
    ]);
  });

  it('keeps an empty query or fragment that was already there, and never the one it emptied', () => {
    expect(stripUrlTokens(`https://x.test/?#sid=${HEX}`)).toBe('https://x.test/?');
    expect(stripUrlTokens(`https://x.test/?sid=${HEX}#`)).toBe('https://x.test/#');
  });

  it('names a weak value under a credential name a token, but not under an everyday name', () => {
    // 40 bits: short for a session ID (the cookie audit's rule 9 flags it), but a session ID still.
    expect(isTokenParameter('JSESSIONID', '8f3a91c2e7')).toBe(true);
    expect(isTokenParameter('session', '8f3a91c2e7')).toBe(false);
    expect(isTokenParameter('ASPSESSIONIDQQGGQRBS', 'KDFHEHJBLKAPNEOCDOMLMPIL')).toBe(true);
  });

  it('finds random tokens of the usual encodings whatever the draw', () => {
    for (let i = 0; i < 200; i++) {
      expect(hasUrlToken(`https://x.test/?token=${randomBytes(16).toString('hex')}`)).toBe(true);
      expect(hasUrlToken(`https://x.test/?sig=${encodeURIComponent(randomBytes(32).toString('base64'))}`)).toBe(true);
    }
  });

  it('finds the token in every tenth of 50,000 addresses and in no other', () => {
    const urls = Array.from({ length: 50_000 }, (_, i) =>
      i % 10 === 0 ? `https://s${i}.test/a;jsessionid=${HEX}?p=${i}` : `https://s${i}.test/path/${i}?page=${i}&q=x`,
    );
    let n = 0;
    for (const u of urls) if (stripUrlTokens(u) !== u) n++;
    expect(n).toBe(5000);
  });
});
