// Zips a build folder for a store upload: `node scripts/zip.mjs dist out.zip`.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { zipSync } from 'fflate';

const [dir, out] = process.argv.slice(2);
if (!dir || !out) {
  console.error('usage: node scripts/zip.mjs <dir> <out.zip>');
  process.exit(2);
}
const files = {};
(function walk(d) {
  for (const name of readdirSync(d).sort()) {
    const p = join(d, name);
    if (name === '.vite') continue; // build metadata, not part of the extension
    if (statSync(p).isDirectory()) walk(p);
    else
      files[relative(dir, p).split('\\').join('/')] = [
        readFileSync(p),
        { level: 9, mtime: new Date('2026-01-01T00:00:00Z') },
      ];
  }
})(dir);
writeFileSync(out, zipSync(files));
console.log(`${out}: ${Object.keys(files).length} files`);
