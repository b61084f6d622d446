// The PROPFIND answers of real servers (Apache mod_dav, Nextcloud/Sabre) read into files and
// ETags, without DOMParser (service workers have none); anything else is refused.
import { describe, expect, it } from 'vitest';
import { filesIn, parseMultistatus, parseXml } from '../../../../src/core/sync/multistatus.ts';

const APACHE = `<?xml version="1.0" encoding="utf-8"?>
<D:multistatus xmlns:D="DAV:">
<D:response xmlns:lp1="DAV:" xmlns:lp2="http://apache.org/dav/props/">
<D:href>/dav/tab/</D:href>
<D:propstat><D:prop><lp1:resourcetype><D:collection/></lp1:resourcetype>
<lp1:getetag>"1000-661907bd5353b"</lp1:getetag></D:prop><D:status>HTTP/1.1 200 OK</D:status></D:propstat>
</D:response>
<D:response xmlns:lp1="DAV:" xmlns:lp2="http://apache.org/dav/props/">
<D:href>/dav/tab/s-5ed38191cf108d0bda89c69887ecbe5f</D:href>
<D:propstat><D:prop><lp1:resourcetype/><lp1:getcontentlength>358</lp1:getcontentlength>
<lp1:getetag>W/"166-661907c1a8b3b"</lp1:getetag></D:prop><D:status>HTTP/1.1 200 OK</D:status></D:propstat>
</D:response>
<D:response xmlns:lp1="DAV:">
<D:href>/dav/tab/tabularium-sync.json</D:href>
<D:propstat><D:prop><lp1:getetag>"eb-661907c1a8b3b"</lp1:getetag></D:prop><D:status>HTTP/1.1 200 OK</D:status></D:propstat>
</D:response>
</D:multistatus>`;

const NEXTCLOUD = `<?xml version="1.0"?>
<d:multistatus xmlns:d="DAV:" xmlns:s="http://sabredav.org/ns" xmlns:oc="http://owncloud.org/ns">
 <d:response>
  <d:href>https://cloud.example/remote.php/dav/files/me/My%20Tabs/</d:href>
  <d:propstat><d:prop><d:resourcetype><d:collection/></d:resourcetype><d:getetag>&quot;6565f1&quot;</d:getetag></d:prop>
  <d:status>HTTP/1.1 200 OK</d:status></d:propstat>
  <d:propstat><d:prop><d:getcontentlength/></d:prop><d:status>HTTP/1.1 404 Not Found</d:status></d:propstat>
 </d:response>
 <d:response>
  <d:href>/remote.php/dav/files/me/My%20Tabs/m-0011</d:href>
  <d:propstat><d:prop><d:resourcetype/><d:getetag>&quot;a1&amp;b2&quot;</d:getetag></d:prop>
  <d:status>HTTP/1.1 200 OK</d:status></d:propstat>
 </d:response>
 <d:response>
  <d:href>/remote.php/dav/files/me/My%20Tabs/sub/</d:href>
  <d:propstat><d:prop><d:resourcetype><d:collection/></d:resourcetype></d:prop><d:status>HTTP/1.1 200 OK</d:status></d:propstat>
 </d:response>
 <d:response>
  <d:href>/remote.php/dav/files/me/Other/s-x</d:href>
  <d:propstat><d:prop><d:getetag>"zz"</d:getetag></d:prop><d:status>HTTP/1.1 200 OK</d:status></d:propstat>
 </d:response>
</d:multistatus>`;

describe('multistatus', () => {
  it('reads Apache’s answer (properties in their own prefix), leaving out the folder itself', () => {
    const files = filesIn('http://127.0.0.1:8080/dav/tab/', parseMultistatus(APACHE));
    expect([...files]).toEqual([
      ['s-5ed38191cf108d0bda89c69887ecbe5f', 'W/"166-661907c1a8b3b"'],
      ['tabularium-sync.json', '"eb-661907c1a8b3b"'],
    ]);
  });

  it('reads Nextcloud’s (full-URL and encoded hrefs, entities), leaving out sub-folders and other folders', () => {
    const files = filesIn('https://cloud.example/remote.php/dav/files/me/My%20Tabs/', parseMultistatus(NEXTCLOUD));
    expect([...files]).toEqual([['m-0011', '"a1&b2"']]);
  });

  it('refuses what is not a multistatus, or not well-formed', () => {
    expect(() => parseMultistatus('<html><body>Welcome</body></html>')).toThrow();
    expect(() => parseMultistatus('<?xml version="1.0"?><d:multistatus xmlns:d="DAV:"><d:response>')).toThrow();
    expect(() => parseMultistatus('<d:multistatus xmlns:d="DAV:"></d:response></d:multistatus>')).toThrow();
    expect(() => parseMultistatus('not xml at all')).toThrow();
    expect(() => parseMultistatus('<x:multistatus xmlns:d="DAV:"/>')).toThrow();
    expect(() => parseMultistatus('<d:multistatus xmlns:d="DAV:"><d:response/></d:multistatus>')).toThrow();
  });

  it('does not expand entities a DOCTYPE defines (no billion laughs)', () => {
    const bomb = '<!DOCTYPE d [<!ENTITY a "aaaa">]><d:multistatus xmlns:d="DAV:">&a;</d:multistatus>';
    expect(() => parseXml(bomb)).toThrow();
    expect(() => parseXml('<a>&nope;</a>')).toThrow();
  });

  it('keeps text, CDATA and character references, and skips comments', () => {
    const el = parseXml("<a x='1'><!-- hi --><b>&#x263A;&#65;<![CDATA[<c>]]></b><c/></a>");
    expect(el.children.map((c) => [c.name, c.text])).toEqual([
      ['b', '☺A<c>'],
      ['c', ''],
    ]);
  });
});
