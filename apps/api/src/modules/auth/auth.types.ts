import "reflect-metadata";
import { IsOptional, IsUrl, Length, Max, MaxLength, Min } from "class-validator";
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from "type-graphql";
import { Node } from "../../graphql/node.ts";

export enum UserRole {
  USER = "USER",
  ADMIN = "ADMIN",
}
registerEnumType(UserRole, { name: "UserRole" });

@ObjectType({ implements: Node, description: "A person's account. Only its owner sees it." })
export class User implements Node {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  email!: string;

  @Field(() => String, { nullable: true })
  name!: string | null;

  @Field(() => UserRole)
  role!: UserRole;

  @Field(() => Date)
  createdAt!: Date;

  @Field(() => Boolean, { description: "Whether the account signs in with a password (false: only with a provider)." })
  hasPassword!: boolean;
}

@ObjectType({ implements: Node, description: "A personal API token. Its secret is shown only once, when it is created." })
export class ApiToken implements Node {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String, { description: 'The first characters of the secret ("mr_AbCdEfG"), to tell tokens apart.' })
  prefix!: string;

  @Field(() => Date)
  createdAt!: Date;

  @Field(() => Date, { nullable: true })
  lastUsedAt!: Date | null;

  @Field(() => Date, { nullable: true })
  expiresAt!: Date | null;

  @Field(() => Date, { nullable: true })
  revokedAt!: Date | null;
}

@ObjectType()
export class CreatedApiToken {
  @Field(() => ApiToken)
  token!: ApiToken;

  @Field(() => String, { description: "Send as `Authorization: Bearer <secret>`. Shown once: store it now." })
  secret!: string;
}

@InputType()
export class CreateApiTokenInput {
  @Field(() => String, { description: 'What the token is for, e.g. "Home server".' })
  @Length(1, 60)
  name!: string;

  @Field(() => Int, { nullable: true, description: "Days until it stops working (1 to 3650); none = until revoked." })
  @IsOptional()
  @Min(1)
  @Max(3650)
  expiresInDays?: number | null;
}

@InputType()
export class SignUpInput {
  @Field(() => String)
  email!: string;

  @Field(() => String, { description: "8 to 200 characters." })
  password!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 80)
  name?: string | null;
}

@InputType()
export class SignInInput {
  @Field(() => String)
  email!: string;

  @Field(() => String)
  password!: string;
}

@InputType()
export class LinkOAuthAccountInput {
  @Field(() => String, { description: 'next-auth provider id, e.g. "github".' })
  provider!: string;

  @Field(() => String)
  providerAccountId!: string;

  @Field(() => String, { nullable: true })
  email?: string | null;

  @Field(() => String, { nullable: true })
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
