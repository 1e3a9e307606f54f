export function CardGridSkeleton({ count = 8 }: { count?: number }) {
  return (
    <ul className="card-grid" aria-hidden="true">
      {Array.from({ length: count }, (_, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: placeholders with no identity of their own, never reordered
        <li key={index} className="card skeleton-card">
          <div className="poster skeleton" />
          <div className="skeleton skeleton-line" />
          <div className="skeleton skeleton-line short" />
        </li>
      ))}
    </ul>
  );
}

export function Loading({ label, count }: { label: string; count?: number }) {
  return (
    <div role="status" aria-live="polite">
      <span className="visually-hidden">{label}</span>
      <CardGridSkeleton count={count} />
    </div>
  );
}
