// What a simulated user of bench/load.ts changes: favourites, watchlist, watched, dismissals and
// preferences. Each acknowledged change is applied to the user's own state (what later answers and
// the end state are checked against). `act` is how an action hands over to another one (a full
// list removes instead of adding; an empty one adds instead of removing).
import { TASTES } from "../crowd.ts";
import { idOf, LIST_CAP, refOf, type Operation, type SimUser } from "./config.ts";
import type { Session } from "./session.ts";

export type Act = (user: SimUser, operation: Operation) => Promise<void>;

export async function addFavourite(s: Session, user: SimUser, act: Act): Promise<void> {
  if (user.favourites.size >= LIST_CAP) return act(user, "removeFavourite");
  const title = s.headTitle(user.random);
  const body = await s.send(user, "addFavourite", { media: refOf(title) });
  if (!body) return;
  s.check(body.data.addFavourite.isFavourite === true, "addFavourite: isFavourite false", () => idOf(title));
  if (!user.favourites.has(idOf(title))) user.favourites.set(idOf(title), { title, seeded: false });
  // Read your own write, now and then, as the app's favourites page does right after.
  if (user.random() < 0.3) {
    const list = await s.send(user, "favourites");
    if (list) s.checkFavourites(user, list.data.favourites.edges);
  }
}

export async function removeFavourite(s: Session, user: SimUser, act: Act): Promise<void> {
  if (!user.favourites.size) return act(user, "addFavourite");
  const [id, { title }] = s.pick(user.random, [...user.favourites.entries()]);
  const body = await s.send(user, "removeFavourite", { media: refOf(title) });
  if (!body) return;
  s.check(body.data.removeFavourite.isFavourite === false, "removeFavourite: isFavourite true", () => id);
  user.favourites.delete(id);
}

export async function addToWatchlist(s: Session, user: SimUser, act: Act): Promise<void> {
  if (user.watchlist.size >= LIST_CAP) return act(user, "watchlist");
  const title = s.headTitle(user.random);
  const body = await s.send(user, "addToWatchlist", { media: refOf(title) });
  if (!body) return;
  s.check(body.data.addToWatchlist.inWatchlist === true, "addToWatchlist: inWatchlist false", () => idOf(title));
  if (!user.watchlist.has(idOf(title))) user.watchlist.set(idOf(title), { title, watched: false });
}

export async function markWatched(s: Session, user: SimUser): Promise<void> {
  const { random } = user;
  const listed = [...user.watchlist.values()];
  const title = listed.length && random() < 0.8 ? s.pick(random, listed).title : s.headTitle(random);
  if (!user.watchlist.has(idOf(title)) && user.watchlist.size >= LIST_CAP) return;
  const body = await s.send(user, "markWatched", { media: refOf(title) });
  if (!body) return;
  s.check(body.data.markWatched.inWatchlist === true && body.data.markWatched.watchedAt !== null, "markWatched: not watched", () => idOf(title));
  user.watchlist.set(idOf(title), { title, watched: true });
}

export async function dismiss(s: Session, user: SimUser): Promise<void> {
  const title = s.headTitle(user.random);
  const body = await s.send(user, "dismiss", { media: refOf(title) });
  if (!body) return;
  s.check(body.data.dismiss.isDismissed === true, "dismiss: isDismissed false", () => idOf(title));
  user.dismissed.set(idOf(title), title);
}

export async function undoDismiss(s: Session, user: SimUser, act: Act): Promise<void> {
  if (!user.dismissed.size) return act(user, "dismiss");
  const [id, title] = s.pick(user.random, [...user.dismissed.entries()]);
  const body = await s.send(user, "undoDismiss", { media: refOf(title) });
  if (!body) return;
  s.check(body.data.undoDismiss.isDismissed === false, "undoDismiss: isDismissed true", () => id);
  user.dismissed.delete(id);
}

export async function updatePreferences(s: Session, user: SimUser): Promise<void> {
  const { random } = user;
  const input = {
    likedGenreIds: [...(random() < 0.7 ? user.taste : s.pick(random, TASTES))],
    minRating: random() < 0.3 ? 6 : null,
    yearFrom: random() < 0.2 ? 1990 : null,
  };
  const body = await s.send(user, "updatePreferences", { input });
  if (body)
    s.check(JSON.stringify(body.data.updatePreferences.likedGenreIds) === JSON.stringify(input.likedGenreIds), "updatePreferences: not saved", () =>
      JSON.stringify(body.data.updatePreferences),
    );
}
