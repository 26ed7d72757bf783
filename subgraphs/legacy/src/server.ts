// Process entry point (port 4010 unless PORT says otherwise): the kernel runtime runs the definition.
import { runService } from "@shopstream/kernel";
import { legacyService } from "./app.js";

await runService(legacyService);
