// A plain <img>: catalogue images are served as-is, sized by CSS (no next/image optimisation).
/** `eager`: above the fold at load (a title page's own poster), so not left to lazy loading. */
export function Poster({ url, title, className = "poster", eager = false }: { url: string | null; title: string; className?: string; eager?: boolean }) {
  if (!url) {
    return (
      <div className={`${className} poster-missing`} role="img" aria-label={`No poster for ${title}`}>
        <span aria-hidden="true">{title.slice(0, 1)}</span>
      </div>
    );
  }
  return <img className={className} src={url} alt={`Poster for ${title}`} width={342} height={513} loading={eager ? "eager" : "lazy"} decoding="async" />;
}
