// Process entry point (port 4005 unless PORT says otherwise): the kernel runtime runs the definition.
import { runService } from "@shopstream/kernel";
import { recommendationsService } from "./app.js";

await runService(recommendationsService);
