// Tells in-memory views (the worker's search index) which sessions changed. Every write to
// sessions goes through the store, in the worker, so a module-level list of listeners is enough.

type Listener = (ids: readonly string[]) => void;
const listeners = new Set<Listener>();

export function onSessionsChanged(l: Listener): () => void {
  listeners.add(l);
  return () => listeners.delete(l);
}

export function emitSessionsChanged(ids: readonly string[]): void {
  for (const l of listeners) l(ids);
}
