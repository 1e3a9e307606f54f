import "reflect-metadata";
import { Field, ObjectType } from "type-graphql";
import { ConnectionType, EdgeType } from "../../graphql/connection.ts";
import { Media } from "../media/media.types.ts";

@ObjectType({ description: "A title the caller is not interested in, and since when." })
export class DismissedEdge extends EdgeType(Media) {
  @Field(() => Date, { description: "When they said so." })
  dismissedAt!: Date;
}

@ObjectType({ description: 'The titles the caller said "not interested" in, newest first.' })
export class DismissedConnection extends ConnectionType(DismissedEdge) {}
