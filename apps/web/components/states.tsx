import Link from "next/link";
import type { ReactNode } from "react";

export function ErrorState({ error, onRetry }: { error: { message: string }; onRetry?: () => void }) {
  return (
    <div className="notice notice-error" role="alert">
      <p>
        <strong>Something went wrong.</strong> {error.message}
      </p>
      {onRetry && (
        <button type="button" className="button" onClick={onRetry}>
          Try again
        </button>
      )}
    </div>
  );
}

export function EmptyState({ title, children, action }: { title: string; children?: ReactNode; action?: { href: string; label: string } }) {
  return (
    <div className="notice">
      <p>
        <strong>{title}</strong>
      </p>
      {children}
      {action && (
        <p>
          <Link className="button button-primary" href={action.href}>
            {action.label}
          </Link>
        </p>
      )}
    </div>
  );
}

/** A problem with what was just tried (a form, an action), read out by screen readers; nothing when there is none. */
export function FieldError({ message }: { message: string | null | undefined }) {
  if (!message) return null;
  return (
    <p className="field-error" role="alert">
      {message}
    </p>
  );
}
