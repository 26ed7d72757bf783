// Process entry point (port 4001 unless PORT says otherwise): the kernel runtime runs the definition.
import { runService } from "@shopstream/kernel";
import { identityService } from "./app.js";

await runService(identityService);
