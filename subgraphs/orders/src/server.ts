// Process entry point (port 4004 unless PORT says otherwise): the kernel runtime runs the definition.
import { runService } from "@shopstream/kernel";
import { ordersService } from "./app.js";

await runService(ordersService);
