// Text with the search words marked, built from text nodes only (never HTML from page data).
import { highlight } from '../../core/search-snippet.ts';

export function Highlighted({ text, words }: { text: string; words: readonly string[] }) {
  return <>{highlight(text, words).map((seg, i) => (seg.hit ? <mark key={i}>{seg.text}</mark> : seg.text))}</>;
}
