import { useTranslations } from "next-intl";

// A plain <img>: catalogue images are served as-is, sized by CSS (no next/image optimisation).
/**
 * `eager`: above the fold at load (a title page's own poster), so not left to lazy loading;
 * `priority`: the page's largest image at load (home's first poster), fetched before the others.
 */
export function Poster({
  url,
  title,
  className = "poster",
  eager = false,
  priority = false,
}: {
  url: string | null;
  title: string;
  className?: string;
  eager?: boolean;
  priority?: boolean;
}) {
  const t = useTranslations("cards.poster");
  if (!url) {
    return (
      <div className={`${className} poster-missing`} role="img" aria-label={t("missing", { title })}>
        <span aria-hidden="true">{title.slice(0, 1)}</span>
      </div>
    );
  }
  return (
    <img
      className={className}
      src={url}
      alt={t("alt", { title })}
      width={342}
      height={513}
      loading={eager || priority ? "eager" : "lazy"}
      fetchPriority={priority ? "high" : undefined}
      decoding="async"
    />
  );
}
