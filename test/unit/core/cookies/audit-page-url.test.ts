import { describe, expect, it } from 'vitest';
import { auditPageUrl } from '../../../../src/core/cookies/audit-page-url.ts';
import { auditSite } from '../../../../src/core/cookies/audit-site.ts';
import { english } from '../../support/english.ts';
import { cookie, NOW } from '../../support/make-cookie.ts';

const HEX = '9f86d081884c7d659a2feaa0c55ad015';

describe('auditPageUrl', () => {
  it('reports a session token in the address as one Medium finding naming the parameters', () => {
    const [f, ...rest] = auditPageUrl(`https://shop.test/cart;jsessionid=${HEX}?sid=${HEX}#access_token=${HEX}`);
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ rule: 15, id: 'session-token-in-url', severity: 'Medium' });
    expect(english(f!.title)).toBe("Session token in the page's address");
    expect(english(f!.reason)).toMatch(/^The address carries ;jsessionid, \?sid, #access_token with values that look/);
    expect(english(f!.fix)).toMatch(/HttpOnly cookie/);
  });

  it('speaks of one token in the singular', () => {
    const [f] = auditPageUrl(`http://forum.test/?PHPSESSID=lq3k8v0mhs9d2r6n4j1t7b5a0c`);
    expect(english(f!.reason)).toMatch(/^The address carries \?PHPSESSID with a value that looks like a session token/);
  });

  it('says nothing about an ordinary address, or none', () => {
    expect(auditPageUrl('https://shop.test/list?page=2&q=session')).toEqual([]);
    expect(auditPageUrl('')).toEqual([]);
  });

  it('joins the site findings and their counts in auditSite', () => {
    const r = auditSite([cookie({ name: 'theme', value: 'dark' })], NOW, `https://shop.test/;jsessionid=${HEX}`);
    expect(r.site.map((f) => f.id)).toEqual(['session-token-in-url']);
    expect(r.summary.medium).toBeGreaterThanOrEqual(1);
    expect(auditSite([], NOW).site).toEqual([]);
  });
});
