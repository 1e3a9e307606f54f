import "reflect-metadata";
import type { AuthChecker } from "type-graphql";
import { forbidden, unauthenticated } from "../errors.ts";
import type { GraphQLContext } from "./context.ts";

/** `@Authorized()` needs a signed-in caller; `@Authorized("ADMIN")` also needs that role. */
export const authChecker: AuthChecker<GraphQLContext> = ({ context }, roles) => {
  if (!context.viewer) throw unauthenticated();
  if (roles.length && !roles.includes(context.viewer.role)) throw forbidden(`This needs the ${roles.join(" or ")} role.`);
  return true;
};
