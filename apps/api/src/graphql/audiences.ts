// Who sees which operations. Everyone (people, third-party apps, the playground) gets the public
// schema; an admin's credential also shows the admin operations; the movierec web server, proved by
// its internal key, also gets the operations it alone calls (web sessions, OAuth account linking).
// A caller never sees, in introspection or in validation, an operation it may not run: to anyone
// else such a field does not exist (GRAPHQL_VALIDATION_FAILED). The resolvers keep their own checks.
//
// A root field is marked with @AdminOnly() or @WebServerOnly(); the schemas are the full TypeGraphQL
// schema filtered by those marks (server.ts picks one per request, docs/api.md).
import { filterSchema, pruneSchema } from "@graphql-tools/utils";
import type { GraphQLSchema } from "graphql";
import { Extensions } from "type-graphql";

export type Audience = "public" | "admin" | "webServer";

export const AUDIENCES: readonly Audience[] = ["public", "admin", "webServer"];

/** Only admins see and run this root field. */
export const AdminOnly = () => Extensions({ audience: "admin" satisfies Audience });
/** Only the movierec web server (its internal key) sees and runs this root field. */
export const WebServerOnly = () => Extensions({ audience: "webServer" satisfies Audience });

/** The audience a root field is marked for; undefined for public fields. */
export function audienceOf(field: { extensions?: Readonly<Record<string, unknown>> | null }): Audience | undefined {
  return field.extensions?.audience as Audience | undefined;
}

/** `full` with only the root fields `audience` may see, and the types only they use. */
export function schemaForAudience(full: GraphQLSchema, audience: Audience): GraphQLSchema {
  return pruneSchema(
    filterSchema({
      schema: full,
      rootFieldFilter: (_operation, _name, field) => {
        const marked = audienceOf(field);
        return marked === undefined || marked === audience;
      },
    }),
  );
}
