// A title action that failed after its card or message had left the page: a favourite taken off a
// list (the card leaves at once, optimistically), an Undo pressed in a message that then closed, a
// title restored in Settings. The server's refusal rolls Apollo's optimistic answer back, so the
// title quietly comes back; this store keeps the reason, and components/action-errors.tsx shows it
// where the person will see it. A card still on the page shows its own error instead
// (use-media-actions.ts).
import { useSyncExternalStore } from "react";

export interface ActionError {
  id: number;
  message: string;
}

let errors: readonly ActionError[] = [];
let nextId = 0;
const listeners = new Set<() => void>();
const emit = () => {
  for (const listener of listeners) listener();
};

/** Shows `message` until the person closes it; the latest few are kept. */
export function reportActionError(message: string): void {
  errors = [...errors.slice(-2), { id: nextId++, message }];
  emit();
}

export function closeActionError(id: number): void {
  errors = errors.filter((error) => error.id !== id);
  emit();
}

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};
const none: readonly ActionError[] = [];

export function useActionErrors(): readonly ActionError[] {
  return useSyncExternalStore(
    subscribe,
    () => errors,
    () => none,
  );
}
