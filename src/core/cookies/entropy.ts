// A guessing-cost estimate for cookie values (OWASP asks for ≥ 64 bits in a session ID). We cannot
// know how a value was generated, so we take the alphabet its characters imply (hex 4 bits a
// character, base64 ~6…) and lower it for values that are visibly not random: few distinct
// characters, a repeated unit, or long runs such as "aaaa" or "1234".

/** Bits per character for the alphabet a value's characters suggest. */
export function alphabetBits(value: string): number {
  const v = value.replace(/=+$/, '');
  if (v === '') return 0;
  if (/^[0-9]+$/.test(v)) return Math.log2(10);
  if (/^[0-9a-f]+$/.test(v) || /^[0-9A-F]+$/.test(v)) return 4;
  let size = 0;
  if (/[a-z]/.test(v)) size += 26;
  if (/[A-Z]/.test(v)) size += 26;
  if (/[0-9]/.test(v)) size += 10;
  if (/[-_]/.test(v)) size += 2;
  if (/[+/]/.test(v)) size += 2;
  // Any other printable ASCII symbol opens up the rest of the ~95 printable characters.
  if (/[^A-Za-z0-9\-_+/]/.test(v)) size += 31;
  return Math.log2(Math.max(size, 2));
}

function shannonBitsPerChar(v: string): number {
  const counts = new Map<string, number>();
  for (const ch of v) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let h = 0;
  for (const n of counts.values()) {
    const p = n / v.length;
    h -= p * Math.log2(p);
  }
  return h;
}

/** The shortest unit that the value repeats ("abab…" → 2), or its length when it repeats nothing. */
function period(v: string): number {
  for (let p = 1; p <= v.length / 2; p++) {
    let ok = true;
    for (let i = p; i < v.length && ok; i++) ok = v[i] === v[i - p];
    if (ok) return p;
  }
  return v.length;
}

/** Characters that only continue a run with a constant step ("aaaa", "1234", "zyxw") past its third. */
function predictableRunChars(v: string): number {
  let predictable = 0;
  let run = 1;
  for (let i = 1; i < v.length; i++) {
    const step = v.charCodeAt(i) - v.charCodeAt(i - 1);
    const prev = i >= 2 ? v.charCodeAt(i - 1) - v.charCodeAt(i - 2) : NaN;
    run = step === prev && Math.abs(step) <= 1 ? run + 1 : 2;
    if (run >= 4) predictable++;
  }
  return predictable;
}

const SKEWED = 0.55;

export function estimateEntropyBits(value: string): number {
  let v = value.replace(/=+$/, '');
  // Dashes in a UUID or grouped hex carry no information: count the hex digits only.
  if (/^[0-9a-f]+(-[0-9a-f]+)+$/i.test(v)) v = v.replace(/-/g, '');
  const n = v.length;
  if (n === 0) return 0;
  const p = period(v);
  if (p < n) {
    // A repeated unit adds nothing past its first copy but the count of copies.
    return round(estimateEntropyBits(v.slice(0, p)) + Math.log2(n / p));
  }
  const perChar = alphabetBits(v);
  // A random string of n characters over an alphabet of size A shows close to log2(min(n, A))
  // bits of empirical entropy; far less means the characters are skewed (e.g. "aaaab…"). Below
  // SKEWED, which random hex/base64 values of 16+ characters stay above in > 99.9% of draws.
  const expected = Math.min(perChar, Math.log2(n));
  const ratio = expected > 0 ? Math.min(1, shannonBitsPerChar(v) / expected) : 0;
  const skew = ratio >= SKEWED ? 1 : ratio;
  const effectiveLength = n - predictableRunChars(v);
  return round(effectiveLength * perChar * skew);
}

function round(bits: number): number {
  return Math.round(bits * 10) / 10;
}
