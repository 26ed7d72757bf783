// `npm run db:seed` (or `npx tsx scripts/db.ts seed identity`): the definition's seed, run by the kernel.
import { runSeed } from "@shopstream/kernel";
import { identityService } from "./app.js";

await runSeed(identityService);
