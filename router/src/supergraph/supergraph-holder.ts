// Holds the schema version new requests use. `apply` builds a version from SDL and swaps it in;
// a bad SDL is logged and the previous version keeps serving.
import type { Logger } from "@shopstream/kernel";
import { buildSchemaVersion, type SchemaVersion, type SubgraphRouting } from "./schema-version.js";

export class SupergraphHolder {
  private version: SchemaVersion | undefined;
  private lastSdl: string | undefined;

  constructor(
    private readonly routing: SubgraphRouting,
    private readonly logger: Logger,
  ) {}

  get current(): SchemaVersion | undefined {
    return this.version;
  }

  /** Returns true when a new version was swapped in; throws only when nothing serves yet. */
  apply(sdl: string): boolean {
    if (sdl === this.lastSdl) return false;
    try {
      const next = buildSchemaVersion(sdl, this.routing);
      this.lastSdl = sdl;
      const previous = this.version?.id;
      this.version = next;
      this.logger.info({ schema: next.id, previous, subgraphs: next.subgraphUrls }, "supergraph loaded");
      return true;
    } catch (error) {
      if (!this.version) throw error;
      this.logger.error({ err: error, serving: this.version.id }, "supergraph rejected; keeping the current one");
      return false;
    }
  }
}
