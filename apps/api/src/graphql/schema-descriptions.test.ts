// Every type, field, argument and enum value a client can see has a description: the playground's
// docs, the reference at /docs and generated clients are only as good as these.
import { type GraphQLSchema, isEnumType, isInputObjectType, isInterfaceType, isObjectType } from "graphql";
import { describe, expect, it } from "vitest";
import { getSchema } from "./schema.ts";

/** Everything in `schema` without a description, as "Type", "Type.field", "Type.field(arg)" or "Enum.VALUE". */
export function undescribed(schema: GraphQLSchema): string[] {
  const missing: string[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith("__")) continue;
    if (!type.description?.trim()) missing.push(type.name);
    if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) {
        if (!field.description?.trim()) missing.push(`${type.name}.${field.name}`);
        for (const arg of "args" in field ? field.args : []) if (!arg.description?.trim()) missing.push(`${type.name}.${field.name}(${arg.name})`);
      }
    }
    if (isEnumType(type)) for (const value of type.getValues()) if (!value.description?.trim()) missing.push(`${type.name}.${value.name}`);
  }
  return missing;
}

describe("schema descriptions", () => {
  it("every type, field, argument and enum value has one (all operations, every audience's included)", async () => {
    expect(undescribed(await getSchema())).toEqual([]);
  });
});
