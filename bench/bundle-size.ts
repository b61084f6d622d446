// Weighs a page's bundle: its entry chunk, every chunk it imports, and their CSS, raw and gzipped.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

interface Chunk {
  file: string;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
}

export function bundleSize(dist: string, entry: string): { js: number; css: number; jsGzip: number; cssGzip: number } {
  const manifest = JSON.parse(readFileSync(join(dist, '.vite/manifest.json'), 'utf8')) as Record<string, Chunk>;
  const js = new Set<string>();
  const css = new Set<string>();
  const visit = (key: string) => {
    const c = manifest[key];
    if (!c || js.has(c.file)) return;
    js.add(c.file);
    c.css?.forEach((f) => css.add(f));
    c.imports?.forEach(visit);
    // Parts loaded on first use count too: the budget is for everything the page can load.
    c.dynamicImports?.forEach(visit);
  };
  visit(entry);
  const weigh = (files: Set<string>) => {
    const buf = Buffer.concat([...files].map((f) => readFileSync(join(dist, f))));
    return {
      raw: buf.length,
      gz: [...files].reduce((n, f) => n + gzipSync(readFileSync(join(dist, f)), { level: 9 }).length, 0),
    };
  };
  const j = weigh(js);
  const c = weigh(css);
  return { js: j.raw, css: c.raw, jsGzip: j.gz, cssGzip: c.gz };
}
