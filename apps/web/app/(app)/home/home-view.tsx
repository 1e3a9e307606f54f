"use client";
import { useQuery } from "@apollo/client/react";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { MediaGrid } from "../../../components/media-grid";
import { Loading } from "../../../components/skeletons";
import { EmptyState, ErrorState } from "../../../components/states";
import { OnMyServicesToggle, hasServices } from "../../../components/on-my-services";
import { HOME_QUERY } from "../../../lib/graphql";

const PAGE_SIZE = 24;

export function HomeView() {
  const router = useRouter();
  const [onMyServices, setOnMyServices] = useState(false);
  const filter = onMyServices ? { availableToMe: true } : null;
  const { data, error, loading, refetch, fetchMore, previousData } = useQuery(HOME_QUERY, { variables: { first: PAGE_SIZE, filter } });
  const preferences = data?.preferences ?? previousData?.preferences;
  const needsOnboarding = data?.preferences && !data.preferences.onboarded;

  useEffect(() => {
    if (needsOnboarding) router.replace("/onboarding");
  }, [needsOnboarding, router]);

  const edges = data?.recommendations.edges.filter((edge) => !edge.node.media.isDismissed) ?? [];
  const reasonsById = new Map(edges.map((edge) => [edge.node.media.id, edge.node.reasons]));
  return (
    <>
      <h1>Recommended for you</h1>
      {hasServices(preferences) && <OnMyServicesToggle checked={onMyServices} onChange={setOnMyServices} />}
      {data?.recommendations.coldStart && (
        <p className="muted">Picks from your favourite genres. Favourite or watchlist a few titles and these get more personal.</p>
      )}
      {error && <ErrorState error={error} onRetry={() => void refetch()} />}
      {!data && loading && <Loading label="Loading your recommendations" />}
      {data &&
        edges.length === 0 &&
        (onMyServices ? (
          <EmptyState title="Nothing on your services matches yet.">
            <p>Turn off “Only on my services”, or add services in settings.</p>
          </EmptyState>
        ) : (
          <EmptyState title="Nothing to recommend yet." action={{ href: "/browse", label: "Browse titles" }}>
            <p>Favourite a few titles or widen your preferences in settings, and picks will appear here.</p>
          </EmptyState>
        ))}
      {edges.length > 0 && (
        <MediaGrid
          items={edges.map((edge) => edge.node.media)}
          reasonsOf={(media) => reasonsById.get(media.id) ?? []}
          label="Recommendations"
          testId="recommendations"
          showDismiss
          pageInfo={data?.recommendations.pageInfo}
          onMore={() => void fetchMore({ variables: { after: data?.recommendations.pageInfo.endCursor } })}
        />
      )}
    </>
  );
}
