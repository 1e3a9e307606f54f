// A plain <img>: catalogue images are served as-is, sized by CSS (no next/image optimisation).
export function Poster({ url, title, className = "poster" }: { url: string | null; title: string; className?: string }) {
  if (!url) {
    return (
      <div className={`${className} poster-missing`} role="img" aria-label={`No poster for ${title}`}>
        <span aria-hidden="true">{title.slice(0, 1)}</span>
      </div>
    );
  }
  return <img className={className} src={url} alt={`Poster for ${title}`} width={342} height={513} loading="lazy" decoding="async" />;
}
