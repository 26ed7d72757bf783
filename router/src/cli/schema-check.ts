// npm run schema:check [-- --dir <schema dir>]: exits 1 with a readable report on any problem.
import { parseArgs } from "node:util";
import { checkSchema, formatReport } from "../schema/check-schema.js";
import { resolveBaseline } from "../schema/schema-baseline.js";
import { repoSchemaDir, schemaLayout } from "../schema/schema-layout.js";

const { values } = parseArgs({ options: { dir: { type: "string", default: repoSchemaDir } } });
const layout = schemaLayout(values.dir);
const report = await checkSchema(layout, await resolveBaseline(layout.apiSchemaFile));
(report.ok ? process.stdout : process.stderr).write(formatReport(report));
process.exit(report.ok ? 0 : 1);
