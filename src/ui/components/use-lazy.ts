// Loads a component's code the first time it is needed, so the popup's first screen parses only
// what it shows (Preact has no React.lazy without preact/compat).
import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';

export function useLazy<P>(needed: boolean, load: () => Promise<ComponentType<P>>): ComponentType<P> | undefined {
  const [comp, setComp] = useState<{ c: ComponentType<P> } | undefined>(undefined);
  useEffect(() => {
    if (needed && !comp) void load().then((c) => setComp({ c }));
  }, [needed]);
  return comp?.c;
}
