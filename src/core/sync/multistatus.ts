// Reads a WebDAV multistatus (RFC 4918 §13) into a list of entries: the href, the ETag, whether
// it is a collection. DOMParser does not exist in service workers, and the answer needs only a
// small, namespace-aware subset of XML, so this is a careful hand parser (elements, attributes,
// namespaces, text, entities, CDATA; comments, processing instructions and a DOCTYPE skipped)
// rather than a dependency. Anything malformed throws, and the engine calls it a garbage answer.

export interface XmlElement {
  ns: string;
  name: string;
  children: XmlElement[];
  text: string;
}

const DAV = 'DAV:';
const NAME = /^[A-Za-z_][\w.-]*(?::[A-Za-z_][\w.-]*)?$/;
const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);/g, (all, e: string) => {
    if (e[0] === '#') {
      const code = e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      if (!Number.isFinite(code) || code > 0x10ffff) throw new Error(`bad character reference ${all}`);
      return String.fromCodePoint(code);
    }
    const v = ENTITIES[e];
    if (v === undefined) throw new Error(`unknown entity ${all}`);
    return v;
  });
}

interface Open {
  el: XmlElement;
  qname: string;
  scope: Map<string, string>;
}

/** The document element of `xml`; throws on anything that is not well-formed (for this subset). */
export function parseXml(xml: string): XmlElement {
  const stack: Open[] = [];
  let root: XmlElement | undefined;
  let i = 0;
  const text = (s: string) => {
    const top = stack[stack.length - 1];
    if (top) top.el.text += s;
    else if (s.trim()) throw new Error('text outside the document element');
  };
  while (i < xml.length) {
    const lt = xml.indexOf('<', i);
    if (lt < 0) {
      text(decodeEntities(xml.slice(i)));
      break;
    }
    if (lt > i) text(decodeEntities(xml.slice(i, lt)));
    if (xml.startsWith('<!--', lt)) {
      const end = xml.indexOf('-->', lt + 4);
      if (end < 0) throw new Error('unclosed comment');
      i = end + 3;
    } else if (xml.startsWith('<![CDATA[', lt)) {
      const end = xml.indexOf(']]>', lt + 9);
      if (end < 0) throw new Error('unclosed CDATA');
      text(xml.slice(lt + 9, end));
      i = end + 3;
    } else if (xml.startsWith('<?', lt)) {
      const end = xml.indexOf('?>', lt + 2);
      if (end < 0) throw new Error('unclosed processing instruction');
      i = end + 2;
    } else if (xml.startsWith('<!', lt)) {
      // A DOCTYPE: an internal subset (entity definitions) is refused, not expanded.
      const end = xml.indexOf('>', lt);
      if (end < 0 || xml.slice(lt, end).includes('[')) throw new Error('DOCTYPE not supported');
      i = end + 1;
    } else if (xml[lt + 1] === '/') {
      const end = xml.indexOf('>', lt);
      if (end < 0) throw new Error('unclosed end tag');
      const qname = xml.slice(lt + 2, end).trim();
      const top = stack.pop();
      if (!top || top.qname !== qname) throw new Error(`mismatched end tag ${qname}`);
      if (stack.length === 0) root = top.el;
      i = end + 1;
    } else {
      i = openTag(xml, lt, stack, (el) => {
        if (stack.length === 0) {
          if (root) throw new Error('two document elements');
          root = el;
        }
      });
    }
  }
  if (stack.length) throw new Error('unclosed element');
  if (!root) throw new Error('no document element');
  return root;
}

/** Parses the start tag at `lt`, pushes it (or closes it at once); returns where parsing goes on. */
function openTag(xml: string, lt: number, stack: Open[], selfClosed: (el: XmlElement) => void): number {
  let i = lt + 1;
  const nameEnd = /[\s/>]/g;
  nameEnd.lastIndex = i;
  const m = nameEnd.exec(xml);
  if (!m) throw new Error('unclosed start tag');
  const qname = xml.slice(i, m.index);
  if (!NAME.test(qname)) throw new Error(`bad element name ${qname}`);
  i = m.index;
  const attrs: [string, string][] = [];
  for (;;) {
    while (/\s/.test(xml[i] ?? '')) i++;
    const c = xml[i];
    if (c === undefined) throw new Error('unclosed start tag');
    if (c === '>' || (c === '/' && xml[i + 1] === '>')) break;
    const eq = xml.indexOf('=', i);
    if (eq < 0) throw new Error('attribute without value');
    const aname = xml.slice(i, eq).trim();
    if (!NAME.test(aname)) throw new Error(`bad attribute name ${aname}`);
    let q = eq + 1;
    while (/\s/.test(xml[q] ?? '')) q++;
    const quote = xml[q];
    if (quote !== '"' && quote !== "'") throw new Error('unquoted attribute');
    const close = xml.indexOf(quote, q + 1);
    if (close < 0) throw new Error('unclosed attribute');
    attrs.push([aname, decodeEntities(xml.slice(q + 1, close))]);
    i = close + 1;
  }
  const parentScope = stack[stack.length - 1]?.scope ?? new Map<string, string>();
  let scope = parentScope;
  for (const [a, v] of attrs) {
    if (a === 'xmlns' || a.startsWith('xmlns:')) {
      if (scope === parentScope) scope = new Map(parentScope);
      scope.set(a === 'xmlns' ? '' : a.slice(6), v);
    }
  }
  const colon = qname.indexOf(':');
  const prefix = colon < 0 ? '' : qname.slice(0, colon);
  const ns = scope.get(prefix);
  if (prefix && ns === undefined) throw new Error(`unbound prefix ${prefix}`);
  const el: XmlElement = { ns: ns ?? '', name: colon < 0 ? qname : qname.slice(colon + 1), children: [], text: '' };
  stack[stack.length - 1]?.el.children.push(el);
  if (xml[i] === '/') {
    selfClosed(el);
    return i + 2;
  }
  stack.push({ el, qname, scope });
  return i + 1;
}

export interface DavEntry {
  /** The href as the server sent it (a path or a full URL, percent-encoded). */
  href: string;
  etag?: string;
  collection: boolean;
  length?: number;
}

const dav = (el: XmlElement, name: string) => el.children.filter((c) => c.ns === DAV && c.name === name);
const first = (el: XmlElement, name: string) => dav(el, name)[0];

/** The entries of a PROPFIND answer; throws when it is not a DAV multistatus. */
export function parseMultistatus(xml: string): DavEntry[] {
  const root = parseXml(xml);
  if (root.ns !== DAV || root.name !== 'multistatus') throw new Error('not a multistatus');
  return dav(root, 'response').map((r) => {
    const href = first(r, 'href')?.text.trim();
    if (!href) throw new Error('response without href');
    const entry: DavEntry = { href, collection: false };
    for (const ps of dav(r, 'propstat')) {
      const status = first(ps, 'status')?.text ?? '';
      // Only found properties count (a 404 propstat lists the ones the server does not have).
      if (!/\s2\d\d(\s|$)/.test(status)) continue;
      for (const prop of dav(ps, 'prop')) {
        const etag = first(prop, 'getetag')?.text.trim();
        if (etag) entry.etag = etag;
        const rt = first(prop, 'resourcetype');
        if (rt && first(rt, 'collection')) entry.collection = true;
        const len = first(prop, 'getcontentlength')?.text.trim();
        if (len && /^\d+$/.test(len)) entry.length = Number(len);
      }
    }
    return entry;
  });
}

/**
 * The file names directly inside the folder `base` (a URL ending in `/`), with their ETags: the
 * folder itself, sub-folders and anything outside it are left out.
 */
export function filesIn(base: string, entries: readonly DavEntry[]): Map<string, string | undefined> {
  const basePath = new URL(base).pathname;
  const decodedBase = safeDecode(basePath);
  const out = new Map<string, string | undefined>();
  for (const e of entries) {
    if (e.collection) continue;
    let path: string;
    try {
      path = new URL(e.href, base).pathname;
    } catch {
      continue;
    }
    const decoded = safeDecode(path);
    const rest = decoded.startsWith(decodedBase) ? decoded.slice(decodedBase.length) : undefined;
    if (!rest || rest.includes('/')) continue;
    out.set(rest, e.etag);
  }
  return out;
}

function safeDecode(p: string): string {
  try {
    return decodeURIComponent(p);
  } catch {
    return p;
  }
}
