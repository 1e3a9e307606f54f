import "reflect-metadata";
import { Field, ID, InputType, ObjectType } from "type-graphql";
import { Node } from "../../graphql/node.ts";
import { TokenScope } from "../auth/auth.types.ts";

@ObjectType({ implements: Node, description: "A third-party app its developer registered: an OAuth 2.0 client that people can allow into their account." })
export class OAuthApp implements Node {
  @Field(() => ID, { description: "Its global id: opaque (do not parse it), stable, and accepted by node(id:)." })
  id!: string;

  @Field(() => String, { description: "The OAuth client_id the app sends. Public: apps have no secret and prove themselves with PKCE." })
  clientId!: string;

  @Field(() => String, { description: "The name people see when they are asked to allow it." })
  name!: string;

  @Field(() => [String], { description: "Where movierec may send people back to the app, exactly as the app must send them." })
  redirectUris!: string[];

  @Field(() => Date, { description: "When it was registered." })
  createdAt!: Date;
}

@ObjectType({ description: "An app the caller allowed into their account, and what it may do." })
export class AuthorizedApp {
  @Field(() => String, { description: "The app's OAuth client_id (revokeAuthorizedApp takes it)." })
  clientId!: string;

  @Field(() => String, { description: "The app's name." })
  name!: string;

  @Field(() => [TokenScope], { description: "What its tokens may do." })
  scopes!: string[];

  @Field(() => Date, { description: "When the caller first allowed it." })
  authorizedAt!: Date;
}

@ObjectType({ description: "What an app asks for on a consent page or a device: for the web server, which shows it to the person." })
export class OAuthRequest {
  @Field(() => String, { description: "The app's name." })
  appName!: string;

  @Field(() => String, { description: "The app's OAuth client_id." })
  clientId!: string;

  @Field(() => String, { description: "Who registered the app: their name, else their email's domain." })
  developer!: string;

  @Field(() => String, { nullable: true, description: "Where the person is sent back to (null for a device)." })
  redirectUri?: string | null;

  @Field(() => [TokenScope], { description: "What the app's tokens would be allowed to do." })
  scopes!: string[];
}

@InputType({ description: "A new third-party app." })
export class RegisterOAuthAppInput {
  @Field(() => String, { description: "Its name (1–80 characters), shown to people when they are asked to allow it." })
  name!: string;

  @Field(() => [String], {
    description:
      "Where people are sent back after allowing it (1–10): https URLs, http://127.0.0.1 or http://localhost for apps on the person's machine, or a reverse-domain scheme such as com.example.app:/callback.",
  })
  redirectUris!: string[];
}
