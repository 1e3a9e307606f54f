import "reflect-metadata";
import { IsOptional, IsUrl, Length, Max, MaxLength, Min } from "class-validator";
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from "type-graphql";
import { Node } from "../../graphql/node.ts";

export enum UserRole {
  USER = "USER",
  ADMIN = "ADMIN",
}
/** What a personal API token may do. */
export enum TokenScope {
  READ = "read",
  WRITE = "write",
}
registerEnumType(TokenScope, {
  name: "TokenScope",
  description: "What a token may do. READ is always granted; WRITE lets it run mutations.",
  valuesConfig: {
    READ: { description: "Read the person's lists, preferences and recommendations (and everything public)." },
    WRITE: { description: "Change things: favourites, watchlist, ratings, preferences… (every mutation)." },
  },
});

registerEnumType(UserRole, {
  name: "UserRole",
  description: "What an account may do.",
  valuesConfig: {
    USER: { description: "A person using movierec." },
    ADMIN: { description: "An operator: also sees ingest and model status, and starts runs." },
  },
});

@ObjectType({ implements: Node, description: "A person's account. Only its owner sees it." })
export class User implements Node {
  @Field(() => ID, { description: "Its global id: opaque (do not parse it), stable, and accepted by node(id:)." })
  id!: string;

  @Field(() => String, { description: "The email address the account signs in with." })
  email!: string;

  @Field(() => String, { description: "The name the person gave, if any.", nullable: true })
  name!: string | null;

  @Field(() => UserRole, { description: "USER, or ADMIN for the operators of this movierec." })
  role!: UserRole;

  @Field(() => Date, { description: "When the account was made." })
  createdAt!: Date;

  @Field(() => Boolean, { description: "Whether the account signs in with a password (false: only with a provider)." })
  hasPassword!: boolean;
}

@ObjectType({ implements: Node, description: "A personal API token. Its secret is shown only once, when it is created." })
export class ApiToken implements Node {
  @Field(() => ID, { description: "Its global id: opaque (do not parse it), stable, and accepted by node(id:)." })
  id!: string;

  @Field(() => String, { description: "What the person called it, to tell tokens apart." })
  name!: string;

  @Field(() => String, { description: 'The first characters of the secret ("mr_AbCdEfG"), to tell tokens apart.' })
  prefix!: string;

  @Field(() => Date, { description: "When it was made." })
  createdAt!: Date;

  @Field(() => Date, { description: "When a request last came with it (to within a minute); null if never.", nullable: true })
  lastUsedAt!: Date | null;

  @Field(() => Date, { description: "When it stops working; null if it does not expire.", nullable: true })
  expiresAt!: Date | null;

  @Field(() => Date, { description: "When it was revoked; null while it works.", nullable: true })
  revokedAt!: Date | null;

  @Field(() => [TokenScope], { description: "What it may do." })
  scopes!: string[];
}

@ObjectType({ description: "A new personal API token, with its secret." })
export class CreatedApiToken {
  @Field(() => ApiToken, { description: "The token as it is listed from now on." })
  token!: ApiToken;

  @Field(() => String, { description: "Send as `Authorization: Bearer <secret>`. Shown once: store it now." })
  secret!: string;
}

@ObjectType({ description: "A password sign-in to the web app: the person, and the web session started for them." })
export class WebSignIn {
  @Field(() => User, { description: "The person who signed in." })
  user!: User;

  @Field(() => String, { description: "The new web session's id; it goes into the session cookie." })
  sessionId!: string;
}

@InputType({ description: "A new personal API token's name and lifetime." })
export class CreateApiTokenInput {
  @Field(() => String, { description: 'What the token is for, e.g. "Home server".' })
  @Length(1, 60)
  name!: string;

  @Field(() => Int, { nullable: true, description: "Days until it stops working (1 to 3650); none = until revoked." })
  @IsOptional()
  @Min(1)
  @Max(3650)
  expiresInDays?: number | null;

  @Field(() => [TokenScope], {
    nullable: true,
    description: "What it may do: [READ] for a token that only reads, [READ, WRITE] (the default) to change things too.",
  })
  scopes?: TokenScope[] | null;
}

@InputType({ description: "A new email + password account." })
export class SignUpInput {
  @Field(() => String, { description: "The email address to sign in with." })
  email!: string;

  @Field(() => String, { description: "8 to 200 characters." })
  password!: string;

  @Field(() => String, { description: "A name to show, if wanted.", nullable: true })
  @IsOptional()
  @Length(1, 80)
  name?: string | null;
}

@InputType({ description: "An email and password to check." })
export class SignInInput {
  @Field(() => String, { description: "The account's email address." })
  email!: string;

  @Field(() => String, { description: "The account's password." })
  password!: string;
}

@InputType({ description: "A provider account (GitHub…) as the web server's sign-in got it." })
export class LinkOAuthAccountInput {
  @Field(() => String, { description: 'next-auth provider id, e.g. "github".' })
  provider!: string;

  @Field(() => String, { description: "The account's id at the provider." })
  providerAccountId!: string;

  @Field(() => String, { description: "The email the provider gives, when it gives one.", nullable: true })
  email?: string | null;

  @Field(() => String, { description: "The name the provider gives, when it gives one.", nullable: true })
  @IsOptional()
  @MaxLength(200)
  name?: string | null;

  /** The provider's avatar: kept only as an https URL, so it can never become a script or data URL on a page. */
  @Field(() => String, { nullable: true, description: "The provider's avatar, an https URL of at most 2,048 characters." })
  @IsOptional()
  @MaxLength(2048)
  @IsUrl({ protocols: ["https"], require_protocol: true }, { message: "image must be an https URL" })
  image?: string | null;
}
