// Arrow keys move between the rows of a list ([data-nav] elements), as in any native list.

export function moveFocus(container: HTMLElement | null, from: Element | null, delta: 1 | -1): boolean {
  if (!container) return false;
  const items = [...container.querySelectorAll<HTMLElement>('[data-nav]')];
  if (items.length === 0) return false;
  const i = from ? items.indexOf(from as HTMLElement) : -1;
  const next = items[Math.max(0, Math.min(items.length - 1, i < 0 ? (delta > 0 ? 0 : items.length - 1) : i + delta))];
  next?.focus();
  return !!next;
}
