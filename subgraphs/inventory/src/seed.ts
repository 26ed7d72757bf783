// `npm run db:seed` (or `npx tsx scripts/db.ts seed inventory`): the definition's seed, run by the kernel.
import { runSeed } from "@shopstream/kernel";
import { inventoryService } from "./app.js";

await runSeed(inventoryService);
