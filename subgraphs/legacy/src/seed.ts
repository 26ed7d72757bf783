// `npm run db:seed` (or `npx tsx scripts/db.ts seed legacy`): the definition's seed, run by the kernel.
import { runSeed } from "@shopstream/kernel";
import { legacyService } from "./app.js";

await runSeed(legacyService);
