// Process entry point (port 4003 unless PORT says otherwise): the kernel runtime runs the definition.
import { runService } from "@shopstream/kernel";
import { inventoryService } from "./app.js";

await runService(inventoryService);
