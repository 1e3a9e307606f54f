// Where focus goes when the button that had it leaves the page with its row (Restore in Not
// interested, Revoke in API tokens and apps): to the same button of the next row, else of the
// previous one, else the row's section heading, so it does not fall to the page's start and a
// keyboard user need not find their place again.

/** How many frames (about 3 s) to wait for the row to leave, after a refetch too, before leaving focus where it is. */
const SETTLE_FRAMES = 180;

/**
 * Call with the pressed button before the change; call what it returns once the change has reached
 * the page (after an optimistic update, or after the refetch that removes the row). It does nothing
 * while the button stays on the page (the change failed, or kept the row and its button), and leaves
 * the focus alone if the person has put it somewhere else meanwhile.
 */
export function focusAfterRemoval(button: HTMLElement): () => void {
  const row = button.closest("li");
  const kind = button.className;
  const sameButton = (element: Element | null) => element?.querySelector<HTMLElement>(`button[class="${CSS.escape(kind)}"]`) ?? null;
  const after: HTMLElement[] = [];
  for (let next = row?.nextElementSibling ?? null; next; next = next.nextElementSibling) {
    const found = sameButton(next);
    if (found) after.push(found);
  }
  const before: HTMLElement[] = [];
  for (let previous = row?.previousElementSibling ?? null; previous; previous = previous.previousElementSibling) {
    const found = sameButton(previous);
    if (found) before.push(found);
  }
  const heading = button.closest("section")?.querySelector<HTMLElement>("h2") ?? null;
  // Looked at once a frame, for a few frames: React may render the change a frame or two later.
  const settle = (framesLeft: number) =>
    requestAnimationFrame(() => {
      if (button.isConnected) {
        if (framesLeft > 0) settle(framesLeft - 1);
        return;
      }
      // The person moved on while the row was leaving (a refetch can take seconds): their focus stays.
      const active = document.activeElement;
      if (active && active !== document.body && active !== button) return;
      const target = [...after, ...before].find((candidate) => candidate.isConnected) ?? heading;
      if (!target) return;
      if (target === heading) target.tabIndex = -1;
      target.focus();
    });
  return () => settle(SETTLE_FRAMES);
}
