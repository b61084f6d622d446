// Gives the page a chance to paint and handle input between chunks of long work.
export function nextFrame(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
