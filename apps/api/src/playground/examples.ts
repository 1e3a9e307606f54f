// The operations the playground opens with: the main tab and an Examples tab. TMDB id 11 is a film
// both in the offline catalogue (whatever its size) and on TMDB itself; examples.int.test.ts runs
// every one of them on the offline catalogue.
export const EXAMPLE_QUERY = `# Your recommendations (send your API token in the Headers tab).
query Recommendations {
  recommendations(first: 10) {
    edges {
      node {
        score
        reasons { kind text }
        media { id title year posterUrl genres { name } }
      }
    }
    pageInfo { hasNextPage endCursor }
  }
}
`;

export const EXAMPLE_OPERATIONS = `query Search {
  searchMedia(query: "dark", first: 5) { edges { node { id title year type } } }
}

# A title by its id (as any answer's Media.id gives it); { type: MOVIE, tmdbId: 11 } names it too.
mutation AddFavourite {
  addFavourite(media: { id: "movie:11" }) { id title isFavourite }
}

query TitleAgain {
  node(id: "movie:11") { id ... on Media { title year isFavourite } }
}

query Me {
  me { email role }
  preferences { likedGenreIds languages }
}
`;
