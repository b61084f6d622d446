// A component that renders again only when its props changed (React's memo, without preact/compat,
// whose import would also rewire every page's event handling). A slider step renders the History
// view again; its search results and the tab rows that show the same tab skip that.
import { h, type FunctionComponent } from 'preact';

export function shallowEqual<P extends object>(a: P, b: P): boolean {
  for (const k in a) if (!(k in b)) return false;
  for (const k in b) if (a[k] !== b[k]) return false;
  return true;
}

export function memo<P extends object>(
  component: FunctionComponent<P>,
  same: (prev: P, next: P) => boolean = shallowEqual,
): FunctionComponent<P> {
  function shouldComponentUpdate(this: { props: P }, next: P): boolean {
    return !same(this.props, next);
  }
  // Preact calls a function component with its instance as `this`: the method set here is the one a
  // class component would have.
  function Memo(this: { shouldComponentUpdate?: (next: P) => boolean }, props: P) {
    this.shouldComponentUpdate = shouldComponentUpdate;
    return h(component, props);
  }
  return Memo as FunctionComponent<P>;
}
