// Where the rollout setting comes from at run time, without a restart: a JSON file (watched, and
// re-read on a short poll as a fallback for volumes that swap files by symlink) and/or a Redis key
// (polled). Both hold the same JSON; when both set a label (or its shadow reads), Redis wins. A bad value is logged and
// the last good one keeps serving; nothing here ever throws into the request path.
import { type FSWatcher, watch } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { Logger } from "@shopstream/kernel";
import { emptyRollout, parseRollout, type Rollout } from "./rollout-settings.js";

export interface RolloutSourceOptions {
  file?: string;
  /** A Redis client and the key holding the rollout JSON. */
  redis?: { client: { get(key: string): Promise<string | null> }; key: string };
  pollMs: number;
  logger: Logger;
}

export interface RolloutState {
  current(): Rollout;
  /** Re-reads every source now (tests and the first load use it). */
  refresh(): Promise<void>;
  close(): void;
}

export async function startRolloutSources(options: RolloutSourceOptions): Promise<RolloutState> {
  const { file, redis, pollMs, logger } = options;
  const redisKey = redis?.key;
  let fromFile: Rollout = emptyRollout;
  let fromRedis: Rollout = emptyRollout;
  let merged: Rollout = emptyRollout;
  let lastFileText: string | undefined;
  let lastRedisText: string | null | undefined;

  const remerge = () => {
    merged = {
      labels: { ...fromFile.labels, ...fromRedis.labels },
      shadow: { ...fromFile.shadow, ...fromRedis.shadow },
    };
  };

  async function readFileSource(): Promise<void> {
    if (!file) return;
    let text: string;
    try {
      text = await readFile(file, "utf8");
    } catch (error) {
      if (lastFileText !== "") logger.warn({ err: error, file }, "rollout file unreadable; keeping the last setting");
      lastFileText = "";
      return;
    }
    if (text === lastFileText) return;
    lastFileText = text;
    try {
      fromFile = parseRollout(text);
      remerge();
      logger.info({ file, labels: fromFile.labels }, "rollout file loaded");
    } catch (error) {
      logger.error({ err: error, file }, "rollout file rejected; keeping the last setting");
    }
  }

  async function readRedisSource(): Promise<void> {
    if (!redis) return;
    let text: string | null;
    try {
      text = await redis.client.get(redis.key);
    } catch (error) {
      logger.warn({ err: error, key: redisKey }, "rollout key unreadable; keeping the last setting");
      return;
    }
    if (text === lastRedisText) return;
    lastRedisText = text;
    try {
      fromRedis = text === null ? emptyRollout : parseRollout(text);
      remerge();
      logger.info({ key: redisKey, labels: fromRedis.labels }, "rollout key loaded");
    } catch (error) {
      logger.error({ err: error, key: redisKey }, "rollout key rejected; keeping the last setting");
    }
  }

  const refresh = async () => {
    await Promise.all([readFileSource(), readRedisSource()]);
  };
  await refresh();

  let debounce: NodeJS.Timeout | undefined;
  const watcher = file
    ? watchDirectory(path.dirname(file), logger, () => {
        clearTimeout(debounce);
        debounce = setTimeout(() => void readFileSource(), 20);
      })
    : undefined;
  let polling = false;
  const poll = setInterval(() => {
    if (polling) return;
    polling = true;
    refresh().finally(() => {
      polling = false;
    });
  }, pollMs);
  poll.unref();

  return {
    current: () => merged,
    refresh,
    close() {
      clearInterval(poll);
      clearTimeout(debounce);
      watcher?.close();
    },
  };
}

/** Any change in the directory triggers a re-read (renames and symlink swaps included). */
function watchDirectory(dir: string, logger: Logger, onChange: () => void): FSWatcher | undefined {
  try {
    const watcher = watch(dir, onChange);
    watcher.on("error", (error) => logger.warn({ err: error, dir }, "rollout watch failed; polling only"));
    return watcher;
  } catch (error) {
    logger.warn({ err: error, dir }, "rollout directory not watchable; polling only");
    return undefined;
  }
}
