"use client";
// Settings → Your services: where the person watches and the streaming services they have there.
// Recommendations and browse then offer "Only on my services", and title pages say whether a
// title streams on one of them.
import { useMutation, useQuery } from "@apollo/client/react";
import { useTranslations } from "next-intl";
import { type FormEvent, useEffect, useState } from "react";
import { CheckboxGroup } from "../../../components/checkbox-group";
import { ErrorState } from "../../../components/states";
import { PREFERENCES_QUERY, UPDATE_PREFERENCES, WATCH_SERVICES_QUERY } from "../../../lib/graphql";
import { useErrorReason } from "../../../lib/use-error-reason";

/** The region a person is most likely in, from the browser's language ("en-GB" → "GB"), when the API lists it. */
function browserRegion(codes: readonly string[]): string | null {
  for (const language of typeof navigator === "undefined" ? [] : navigator.languages) {
    const region = language.split("-")[1]?.toUpperCase();
    if (region && codes.includes(region)) return region;
  }
  return codes.includes("US") ? "US" : (codes[0] ?? null);
}

export function YourServices() {
  const t = useTranslations("settings.services");
  const reasonOf = useErrorReason();
  const tShared = useTranslations("settings.shared");
  const preferences = useQuery(PREFERENCES_QUERY);
  const saved = preferences.data?.preferences;
  const [region, setRegion] = useState<string | null>(null);
  const [services, setServices] = useState<number[]>([]);
  const [status, setStatus] = useState<string | null>(null);
  // Without a region yet: the regions (and every provider, unused); then the region's providers.
  const lists = useQuery(WATCH_SERVICES_QUERY, { variables: { region } });
  const [save, saving] = useMutation(UPDATE_PREFERENCES);
  const regionList = lists.data?.watchRegions ?? lists.previousData?.watchRegions ?? [];

  // Until the person changes something, the form shows what is saved: the persisted cache may paint
  // older preferences first, and the network's answer then replaces them. With no saved region, a
  // guess from the browser once the regions are known.
  const [edited, setEdited] = useState(false);
  useEffect(() => {
    if (!saved || edited) return;
    setServices(saved.streamingServiceIds);
    if (saved.watchRegion) setRegion(saved.watchRegion);
    else if (region === null && regionList.length) setRegion(browserRegion(regionList.map((r) => r.code)));
  }, [saved, edited, region, regionList]);

  const providers = region === null ? [] : (lists.data?.watchProviders ?? []);
  // The region's own providers have answered: saving before would keep none of the services ticked
  // (none is offered in a list not there yet), so Save waits for them.
  const providersLoaded = region !== null && Boolean(lists.data) && !lists.loading;
  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!providersLoaded) return;
    setStatus(null);
    // Services offered elsewhere but not in the region picked are dropped, as the page shows.
    const offered = services.filter((id) => providers.some((p) => p.tmdbId === id));
    try {
      await save({ variables: { input: { watchRegion: region, streamingServiceIds: offered } } });
      setServices(offered);
      setEdited(false);
      setStatus(offered.length ? t("saved") : t("savedWithout"));
    } catch (cause) {
      setStatus(tShared("couldNotSave", { reason: reasonOf(cause) }));
    }
  }

  const error = preferences.error ?? lists.error;
  return (
    <section aria-labelledby="services-heading" className="panel">
      <h2 id="services-heading">{t("heading")}</h2>
      <p className="muted">{t("intro")}</p>
      {error && (
        <ErrorState
          error={error}
          onRetry={() => {
            void preferences.refetch();
            void lists.refetch();
          }}
        />
      )}
      {!error && (!saved || region === null) && <p role="status">{t("loading")}</p>}
      {saved && region !== null && (
        <form className="stack" onSubmit={onSubmit}>
          <label className="field">
            <span>{t("region")}</span>
            <select
              value={region}
              onChange={(event) => {
                setEdited(true);
                setRegion(event.target.value);
              }}
            >
              {regionList.map((option) => (
                <option key={option.code} value={option.code}>
                  {option.name}
                </option>
              ))}
            </select>
          </label>
          <CheckboxGroup
            legend={t("legend")}
            name="service"
            hint={providers.length ? t("hint") : t("loadingOffered")}
            options={providers.map((provider) => ({
              value: provider.tmdbId,
              label: (
                <span className="provider-choice">
                  {provider.logoUrl && <img src={provider.logoUrl} alt="" width={24} height={24} loading="lazy" />}
                  {provider.name}
                </span>
              ),
            }))}
            selected={services}
            onChange={(next) => {
              setEdited(true);
              setServices(next);
            }}
          />
          <p>
            <button type="submit" className="button button-primary" disabled={saving.loading || !providersLoaded}>
              {saving.loading ? tShared("saving") : t("save")}
            </button>
          </p>
          <p role="status">{status}</p>
        </form>
      )}
    </section>
  );
}
