// Process entry point (port 4002 unless PORT says otherwise): the kernel runtime runs the definition.
import { runService } from "@shopstream/kernel";
import { catalogService } from "./app.js";

await runService(catalogService);
