import { describe, expect, it } from "vitest";
import { createRetryingFetch } from "../../src/telegram/retrying-fetch.js";

type Step = Response | Error;

function scripted(steps: Step[]) {
  const calls: number[] = [];
  const fetch = (async () => {
    calls.push(calls.length);
    const step = steps.shift();
    if (!step) throw new Error("no more steps");
    if (step instanceof Error) throw step;
    return step;
  }) as typeof globalThis.fetch;
  return { fetch, calls };
}

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status });
const ok = () => json(200, { ok: true, result: true });
const waits: number[] = [];
const sleep = async (ms: number) => void waits.push(ms);

describe("retrying fetch below the Bot API client", () => {
  it("waits retry_after seconds on 429 and then succeeds", async () => {
    waits.length = 0;
    const inner = scripted([json(429, { ok: false, error_code: 429, parameters: { retry_after: 2 } }), ok()]);
    const response = await createRetryingFetch({ fetch: inner.fetch, sleep })("http://x", { method: "POST", body: "{}" });
    expect(response.status).toBe(200);
    expect(waits).toEqual([2000]);
  });

  it("hands long flood waits up unchanged instead of blocking", async () => {
    const inner = scripted([json(429, { ok: false, error_code: 429, parameters: { retry_after: 600 } })]);
    const response = await createRetryingFetch({ fetch: inner.fetch, sleep })("http://x", { method: "POST", body: "{}" });
    expect(response.status).toBe(429);
    expect(inner.calls).toHaveLength(1);
  });

  it("retries 5xx and dropped connections with growing back-off, then gives up", async () => {
    waits.length = 0;
    const inner = scripted([json(502, {}), new TypeError("socket hang up"), json(500, {}), json(500, { ok: false })]);
    const response = await createRetryingFetch({ fetch: inner.fetch, sleep, baseDelayMs: 100 })("http://x", { method: "POST", body: "{}" });
    expect(response.status).toBe(500);
    expect(inner.calls).toHaveLength(4);
    expect(waits).toEqual([100, 200, 400]);
  });

  it("does not retry a streamed upload, whose body cannot be sent twice", async () => {
    const inner = scripted([json(502, {})]);
    const body = new ReadableStream();
    const response = await createRetryingFetch({ fetch: inner.fetch, sleep })("http://x", { method: "POST", body, duplex: "half" } as RequestInit);
    expect(response.status).toBe(502);
    expect(inner.calls).toHaveLength(1);
  });

  it("leaves client errors such as 400 alone", async () => {
    const inner = scripted([json(400, { ok: false, error_code: 400, description: "Bad Request: message is too long" })]);
    const response = await createRetryingFetch({ fetch: inner.fetch, sleep })("http://x", { method: "POST", body: "{}" });
    expect(response.status).toBe(400);
    expect(inner.calls).toHaveLength(1);
  });
});
