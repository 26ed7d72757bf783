// `npm run db:seed` (or `npx tsx scripts/db.ts seed catalog`): the definition's seed, run by the kernel.
import { runSeed } from "@shopstream/kernel";
import { catalogService } from "./app.js";

await runSeed(catalogService);
