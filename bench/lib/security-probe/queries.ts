// The GraphQL documents the probe sends again and again (setup, attacks and read-backs).
export const Q = {
  me: "{ me { id email name role } }",
  lists:
    "{ favourites(first: 50) { edges { cursor node { id } } } watchlist(first: 50) { edges { cursor watchedAt node { id } } } preferences { likedGenreIds dislikedGenreIds languages minRating yearFrom yearTo maxRuntime mediaTypes includeAdult onboarded } apiTokens { id name revokedAt } }",
  media: "query($type: MediaType!, $tmdbId: Int!) { media(type: $type, tmdbId: $tmdbId) { id isFavourite inWatchlist isDismissed watchedAt } }",
  signUp: "mutation($input: SignUpInput!) { signUp(input: $input) { id email name } }",
  signIn: "mutation($input: SignInInput!) { signIn(input: $input) { id } }",
  createToken: "mutation($input: CreateApiTokenInput!) { createApiToken(input: $input) { secret token { id name } } }",
  revokeToken: "mutation($id: ID!) { revokeApiToken(id: $id) { id revokedAt } }",
  link: "mutation($input: LinkOAuthAccountInput!) { linkOAuthAccount(input: $input) { id email name } }",
} as const;

/** A mutation on one title (addFavourite, dismiss, …); `extra` adds markWatched's `watched` argument. */
export const mediaMutation = (name: string, extra = "") =>
  `mutation($media: MediaRefInput!${extra ? ", $watched: Boolean!" : ""}) { ${name}(media: $media${extra ? ", watched: $watched" : ""}) { id isFavourite inWatchlist isDismissed watchedAt } }`;
