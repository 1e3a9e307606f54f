// A stand-in for the worker process in train-in-child-process.test.ts: it starts a training long
// enough (tens of seconds: 3,000 titles dense, so EASE inverts a 3,000 × 3,000 matrix) to be killed
// in the middle of, and waits. Run: node --import tsx training-orphan.fixture.ts
import { DEFAULT_ITEM_MODEL_CONFIG } from "./train-item-model.ts";
import { trainItemModelInChildProcess } from "./train-in-child-process.ts";

const items = 3_000;
const users = 2_000;
const perUser = 60;
const length = users * perUser;
const user = new Int32Array(length);
const item = new Int32Array(length);
let seed = 1;
for (let index = 0; index < length; index++) {
  seed = (seed * 16_807) % 2_147_483_647;
  user[index] = Math.floor(index / perUser);
  item[index] = seed % items;
}
const itemKeys = Array.from({ length: items }, (_, index) => `movie:${index}`);
await trainItemModelInChildProcess({ userCount: users, itemKeys, user, item, value: new Float32Array(length).fill(1), length }, DEFAULT_ITEM_MODEL_CONFIG);
