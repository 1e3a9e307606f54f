// `npm start`: installs what is missing, then runs the whole product (packages/dev-stack/src/start.ts).
import { bootstrap } from "./bootstrap.mjs";

bootstrap();
const { register } = await import("tsx/esm/api");
register();
await import("../packages/dev-stack/src/start.ts");
