// Pruning of hourly sales buckets against the real database.
import { buildTestService, uniqueName } from "@shopstream/testkit";
import { afterAll, expect, it } from "vitest";
import { recommendationsService } from "../src/app.js";
import { createRepositories } from "../src/repositories/index.js";
import { pruneSalesBuckets } from "../src/services/sales-retention.js";

const service = await buildTestService(recommendationsService);
const prisma = service.db;
afterAll(() => service.stop());

it("deletes buckets no trending window can contain any more and keeps the rest", async () => {
  const productId = uniqueName("p-retention");
  const now = new Date();
  const hourStart = (hoursAgo: number) =>
    new Date(Math.floor(now.getTime() / 3_600_000) * 3_600_000 - hoursAgo * 3_600_000);
  await prisma.productSalesHourly.createMany({
    data: [9 * 24, 7 * 24, 1].map((hoursAgo) => ({ productId, bucketStart: hourStart(hoursAgo), quantity: 1 })),
  });
  await pruneSalesBuckets(createRepositories(prisma), now);
  const kept = await prisma.productSalesHourly.findMany({ where: { productId }, orderBy: { bucketStart: "asc" } });
  expect(kept.map((row) => row.bucketStart)).toEqual([hourStart(7 * 24), hourStart(1)]);
});
