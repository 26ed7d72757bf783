// npm run schema:compose [-- --dir <schema dir>]: writes supergraph.graphql and api-schema.graphql.
import { parseArgs } from "node:util";
import { generateSchemaFiles, writeIfChanged } from "../schema/generate-schema-files.js";
import { repoSchemaDir, schemaLayout } from "../schema/schema-layout.js";

const { values } = parseArgs({ options: { dir: { type: "string", default: repoSchemaDir } } });
const layout = schemaLayout(values.dir);
const generated = await generateSchemaFiles(layout);
if (!generated.ok) {
  process.stderr.write(`Composition failed:\n${generated.problems.map((p) => `  - ${p}`).join("\n")}\n`);
  process.exit(1);
}
if (generated.empty) {
  process.stdout.write(`${layout.configFile} lists no subgraphs yet: nothing composed\n`);
} else {
  const wrote = [
    (await writeIfChanged(layout.supergraphFile, generated.supergraphSdl)) && layout.supergraphFile,
    (await writeIfChanged(layout.apiSchemaFile, generated.apiSdl)) && layout.apiSchemaFile,
  ].filter(Boolean);
  process.stdout.write(wrote.length > 0 ? `wrote ${wrote.join(", ")}\n` : "composed files already up to date\n");
}
