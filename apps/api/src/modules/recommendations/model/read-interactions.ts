// Reads the whole interaction log into the trainer's columns (InteractionData), a page at a time in
// the order of the (user, title, kind) unique index, so a person's interactions with one title are
// adjacent and fold into one value (their strongest: interaction-weights.ts) as they stream by.
import type { PrismaClient } from "../../../db.ts";
import type { InteractionKind } from "../../../generated/prisma/enums.ts";
import { interactionWeight, INTERACTION_WEIGHTS, type InteractionWeights } from "../interaction-weights.ts";
import type { InteractionData } from "./interaction-matrix.ts";

const PAGE_SIZE = 50_000;

/** A growable column of 32-bit values (the final length is not known while reading). */
class Column<T extends Int32Array | Float32Array> {
  length = 0;
  constructor(public values: T) {}
  push(value: number) {
    if (this.length === this.values.length) {
      const grown = new (this.values.constructor as new (size: number) => T)(this.values.length * 2);
      grown.set(this.values);
      this.values = grown;
    }
    this.values[this.length++] = value;
  }
}

interface Row {
  user_id: string;
  media_type: string;
  tmdb_id: number;
  kind: string;
  rating: number | null;
}

const KINDS: Record<string, InteractionKind> = { favourite: "FAVOURITE", watchlist: "WATCHLIST", watched: "WATCHED", rating: "RATING", dismissed: "DISMISSED" };

export async function readInteractions(
  deps: { prisma: PrismaClient },
  options: { createdBefore: Date; weights?: Readonly<InteractionWeights> },
): Promise<InteractionData> {
  const weights = options.weights ?? INTERACTION_WEIGHTS;
  const users = new Map<string, number>();
  const items = new Map<string, number>();
  const itemKeys: string[] = [];
  const user = new Column(new Int32Array(1 << 16));
  const item = new Column(new Int32Array(1 << 16));
  const value = new Column(new Float32Array(1 << 16));
  let previous = { user: "", item: "" };
  let after: Row | undefined;
  for (;;) {
    const page: Row[] = await deps.prisma.$queryRawUnsafe(
      `SELECT user_id::text, media_type::text, tmdb_id, kind::text, rating FROM interaction
        WHERE created_at < $1 ${after ? "AND (user_id, media_type, tmdb_id, kind) > ($2::uuid, $3::media_type, $4, $5::interaction_kind)" : ""}
        ORDER BY user_id, media_type, tmdb_id, kind LIMIT ${PAGE_SIZE}`,
      options.createdBefore,
      ...(after ? [after.user_id, after.media_type, after.tmdb_id, after.kind] : []),
    );
    for (const row of page) {
      const weight = interactionWeight(KINDS[row.kind]!, row.rating, weights);
      const itemKey = `${row.media_type}:${row.tmdb_id}`;
      if (row.user_id === previous.user && itemKey === previous.item) {
        if (weight > value.values[value.length - 1]!) value.values[value.length - 1] = weight;
        continue;
      }
      previous = { user: row.user_id, item: itemKey };
      let userIndex = users.get(row.user_id);
      if (userIndex === undefined) users.set(row.user_id, (userIndex = users.size));
      let itemIndex = items.get(itemKey);
      if (itemIndex === undefined) {
        items.set(itemKey, (itemIndex = itemKeys.length));
        itemKeys.push(itemKey);
      }
      user.push(userIndex);
      item.push(itemIndex);
      value.push(weight);
    }
    if (page.length < PAGE_SIZE) break;
    after = page[page.length - 1];
  }
  return { userCount: users.size, itemKeys, user: user.values, item: item.values, value: value.values, length: user.length };
}
