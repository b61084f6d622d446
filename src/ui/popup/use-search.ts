// The search box: what is typed, and the keys that move between the box and the list below it.
import type { RefObject } from 'preact';
import { useRef, useState } from 'preact/hooks';

export interface SearchState {
  query: string;
  setQuery(q: string): void;
  searching: boolean;
  box: RefObject<HTMLInputElement>;
  /** The element holding the list, where ArrowDown moves the focus. */
  list: RefObject<HTMLDivElement>;
  onKeyDown(e: KeyboardEvent): void;
  focus(): void;
  /** Empties the search and puts the focus back in the box. */
  clear(): void;
}

export function useSearch(): SearchState {
  const [query, setQuery] = useState('');
  const box = useRef<HTMLInputElement>(null);
  const list = useRef<HTMLDivElement>(null);

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape' && query) {
      // Escape clears the search first; a second Escape closes the popup as usual.
      e.preventDefault();
      setQuery('');
    } else if (e.key === 'ArrowDown') {
      e.preventDefault();
      list.current?.querySelector<HTMLElement>('[data-nav]')?.focus();
    }
  };

  return {
    query,
    setQuery,
    searching: query.trim() !== '',
    box,
    list,
    onKeyDown,
    focus: () => box.current?.focus(),
    clear: () => {
      setQuery('');
      box.current?.focus();
    },
  };
}
