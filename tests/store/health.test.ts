import { describe, expect, it } from "vitest";
import { checkHealth, type HealthSources } from "../../src/server/health.js";
import { createTestDatabase } from "../support/test-db.js";

const now = Date.UTC(2026, 10, 25, 12);

describe("health report", () => {
  const sources = async (overrides: Partial<HealthSources> = {}): Promise<HealthSources> => ({
    db: await createTestDatabase(),
    lastUpdateAt: () => now - 10_000,
    expectsRecentUpdates: true,
    schedulerRanAt: () => now - 20_000,
    schedulerIntervalMs: 30_000,
    ...overrides,
  });

  it("is healthy when the database answers, updates arrive and the scheduler runs", async () => {
    expect(await checkHealth(await sources(), now)).toEqual({
      ok: true,
      database: true,
      inboxBacklog: 0,
      lastUpdateAt: new Date(now - 10_000).toISOString(),
      schedulerRanAt: new Date(now - 20_000).toISOString(),
    });
  });

  it("is unhealthy when polling stopped, the scheduler stalled or the database is gone", async () => {
    expect((await checkHealth(await sources({ lastUpdateAt: () => now - 120_000 }), now)).ok).toBe(false);
    expect((await checkHealth(await sources({ schedulerRanAt: () => undefined }), now)).ok).toBe(false);
    const closed = await sources();
    await closed.db.destroy();
    expect(await checkHealth(closed, now)).toMatchObject({ ok: false, database: false, inboxBacklog: null });
  });

  it("does not expect updates in webhook mode, where they come only when users write", async () => {
    expect((await checkHealth(await sources({ expectsRecentUpdates: false, lastUpdateAt: () => undefined }), now)).ok).toBe(true);
  });
});
