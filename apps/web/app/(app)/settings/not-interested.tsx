"use client";
// Settings → Not interested: every title the person hid from their recommendations, with Restore
// (it can be recommended again). A restored title leaves the list at once (optimistic).
import { useQuery } from "@apollo/client/react";
import { useTranslations } from "next-intl";
import { IntentLink } from "../../../components/intent-link";
import { useState } from "react";
import { titleHref } from "../../../components/media-card";
import { ErrorState } from "../../../components/states";
import { DISMISSED_QUERY, type MediaCard } from "../../../lib/graphql";
import { NOT_INTERESTED_VARIABLES } from "./first-queries";
import { useMediaActions } from "../../../lib/use-media-actions";
import { focusAfterRemoval } from "../../../lib/focus-after-removal";

function Hidden({ media, onRestored }: { media: MediaCard; onRestored: (title: string) => void }) {
  const t = useTranslations("settings.notInterested");
  const actions = useMediaActions(media);
  return (
    <li className="token">
      <span className="grow">
        <IntentLink href={titleHref(media)}>{media.title}</IntentLink> <small className="muted">{media.year ?? ""}</small>
      </span>
      <button
        type="button"
        className="button"
        aria-label={t("restoreNamed", { title: media.title })}
        onClick={async (event) => {
          // The row leaves at once (optimistic): focus goes to the next row's Restore.
          const settle = focusAfterRemoval(event.currentTarget);
          const restoring = actions.undoDismiss();
          settle();
          // Said once the server has it: a refusal brings the title back to this list, with the reason.
          if (await restoring) onRestored(media.title);
        }}
      >
        {t("restore")}
      </button>
    </li>
  );
}

export function NotInterested() {
  const t = useTranslations("settings.notInterested");
  const { data, error, refetch, fetchMore } = useQuery(DISMISSED_QUERY, { variables: NOT_INTERESTED_VARIABLES });
  const [message, setMessage] = useState<string | null>(null);
  const hidden = data?.dismissed.edges.map((edge) => edge.node).filter((media) => media.isDismissed) ?? [];
  return (
    <section aria-labelledby="not-interested-heading" className="panel">
      <h2 id="not-interested-heading">{t("heading")}</h2>
      <p>{t("intro")}</p>
      {message && <p role="status">{message}</p>}
      {error && <ErrorState error={error} onRetry={() => void refetch()} />}
      {data && hidden.length === 0 && <p className="muted">{t("empty")}</p>}
      {hidden.length > 0 && (
        <ul className="token-list" aria-label={t("listLabel")}>
          {hidden.map((media) => (
            <Hidden key={media.id} media={media} onRestored={(title) => setMessage(t("restored", { title }))} />
          ))}
        </ul>
      )}
      {data?.dismissed.pageInfo.hasNextPage && (
        <button type="button" className="button" onClick={() => void fetchMore({ variables: { after: data.dismissed.pageInfo.endCursor } })}>
          {t("showMore")}
        </button>
      )}
    </section>
  );
}
