// npm run codegen: generates src/gql/ from the app's operations and registers the app's persisted
// documents as the router's trusted documents (schema/operations/storefront/persisted-documents.json).
// --check (run by `npm run schema:check`): generates in memory and fails when an operation no
// longer validates against the API schema, or when src/gql/ or the registered documents differ
// from what the app's operations produce.
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { generate } from "@graphql-codegen/cli";
import config from "../codegen.js";

const appDir = path.resolve(import.meta.dirname, "..");
const registeredFile = path.resolve(appDir, "../schema/operations/storefront/persisted-documents.json");
const check = process.argv.includes("--check");

process.chdir(appDir);
let outputs: Array<{ filename: string; content: string }>;
try {
  outputs = await generate({ ...config, silent: true, errorsOnly: true }, false);
} catch (error) {
  console.error(`[storefront codegen] the app's operations do not fit the API schema:\n${(error as Error).message}`);
  process.exit(1);
}

const persisted = outputs.find((output) => output.filename.endsWith("persisted-documents.json"));
if (!persisted) throw new Error("codegen wrote no persisted-documents.json (persistedDocuments is off?)");
const files = [
  ...outputs.map((output) => ({ file: path.resolve(appDir, output.filename), content: output.content })),
  { file: registeredFile, content: `${JSON.stringify(JSON.parse(persisted.content), null, 2)}\n` },
];

const readOrEmpty = (file: string) => readFile(file, "utf8").catch(() => "");
if (check) {
  const stale: string[] = [];
  for (const { file, content } of files)
    if ((await readOrEmpty(file)) !== content) stale.push(path.relative(process.cwd(), file));
  if (stale.length > 0) {
    console.error(
      `[storefront codegen] out of date: ${stale.join(", ")}\n  run \`npm run codegen -w storefront\` and commit the result`,
    );
    process.exit(1);
  }
  console.log(
    `[storefront codegen] ${Object.keys(JSON.parse(persisted.content)).length} operations registered and up to date`,
  );
} else {
  for (const { file, content } of files) {
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, content);
  }
  console.log(`[storefront codegen] wrote src/gql/ and ${path.relative(process.cwd(), registeredFile)}`);
}
