import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { Api, HttpError, type ApiCallFn, type RawApi } from "grammy";
import { describe, expect, it, vi } from "vitest";
import { createLogger } from "../../src/logger.js";
import { ServerError } from "../../src/telegram/transport.js";
import { keepTrying, RETRY_DELAYS_MS, retryDelayMs, unreachableReason } from "../../src/telegram/unreachable.js";

const systemError = (code: string) => Object.assign(new Error(`request to https://api.telegram.org/bot1:x/getMe failed, reason: ${code}`), { code });

describe("the back-off between tries to reach Telegram", () => {
  it("doubles from 1 s and stays at a minute", () => {
    expect(Array.from({ length: 9 }, (_, attempt) => retryDelayMs(attempt) / 1000)).toEqual([1, 2, 4, 8, 16, 32, 60, 60, 60]);
    expect(RETRY_DELAYS_MS.at(-1)).toBe(60_000);
  });

  it("follows a schedule given to it, repeating its last delay", () => {
    expect([0, 1, 2, 3].map((attempt) => retryDelayMs(attempt, [10, 20]))).toEqual([10, 20, 20, 20]);
  });
});

describe("why Telegram could not be reached", () => {
  it.each(["ENOTFOUND", "EAI_AGAIN", "ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EHOSTUNREACH"])("names the system error %s", (code) => {
    expect(unreachableReason(systemError(code))).toBe(code);
  });

  it("finds the code where grammY keeps it (`error`) and where Node's fetch does (`cause`)", () => {
    expect(unreachableReason(new HttpError("Network request for 'getMe' failed!", systemError("ECONNREFUSED")))).toBe("ECONNREFUSED");
    expect(unreachableReason(new TypeError("fetch failed", { cause: systemError("ENOTFOUND") }))).toBe("ENOTFOUND");
  });

  it("counts an answer cut off half-way as the network's doing", () => {
    expect(unreachableReason(Object.assign(new Error("Premature close"), { code: "ERR_STREAM_PREMATURE_CLOSE" }))).toBe("ERR_STREAM_PREMATURE_CLOSE");
  });

  it("names grammY's own time-out ETIMEDOUT (a long poll on a connection that died)", async () => {
    const silent = createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    try {
      const api = new Api("1:x", { apiRoot: `http://127.0.0.1:${(silent.address() as AddressInfo).port}`, timeoutSeconds: 0.05 });
      const error: unknown = await api.getMe().catch((error: unknown) => error);
      expect(unreachableReason(error)).toBe("ETIMEDOUT");
    } finally {
      silent.closeAllConnections();
      await new Promise((resolve) => silent.close(resolve));
    }
  });

  it("names a server error without a Bot API body by its status", () => {
    expect(unreachableReason(new HttpError("Network request for 'getMe' failed!", new ServerError(502, "Bad Gateway")))).toBe("HTTP 502 Bad Gateway");
    expect(unreachableReason(new ServerError(503, "Service Unavailable"))).toBe("HTTP 503 Service Unavailable");
  });

  it("has no reason for what waiting would not cure: a program's error, a body that is no JSON", () => {
    expect(unreachableReason(Object.assign(new TypeError("Invalid URL"), { code: "ERR_INVALID_URL" }))).toBeUndefined();
    expect(unreachableReason(new HttpError("Network request for 'getMe' failed!", new SyntaxError("Unexpected token <")))).toBeUndefined();
    expect(unreachableReason("nothing")).toBeUndefined();
  });
});

type Answer = Awaited<ReturnType<ApiCallFn<RawApi>>>;
type Step = Answer | Error;

describe("keepTrying, the transformer that waits Telegram out", () => {
  function run(steps: Step[], options: { signal?: AbortSignal; delaysMs?: number[] } = {}) {
    const lines: { level: number; msg: string; method?: string }[] = [];
    const logger = createLogger("info", { write: (line) => lines.push(JSON.parse(line)) });
    let calls = 0;
    const prev = (async () => {
      calls++;
      const step = steps.shift();
      if (!step) throw new Error("no more steps");
      if (step instanceof Error) throw step;
      return step;
    }) as unknown as ApiCallFn<RawApi>;
    const call = keepTrying({ logger, apiRoot: "https://api.telegram.org", delaysMs: [1, 2, 4], ...options })(prev, "getMe", {});
    return { call, lines, calls: () => calls };
  }
  const ok: Answer = { ok: true, result: true as never };

  it("says why before every retry, with the next delay, at warn, and that it got through at last", async () => {
    const network = (code: string) => new HttpError("Network request for 'getMe' failed!", systemError(code));
    const { call, lines } = run([
      network("ENOTFOUND"),
      network("ECONNREFUSED"),
      { ok: false, error_code: 502, description: "Bad Gateway" },
      { ok: false, error_code: 500, description: "Internal Server Error" },
      ok,
    ]);
    expect(await call).toEqual(ok);
    expect(lines.map((line) => [line.level, line.msg])).toEqual([
      [40, "cannot reach https://api.telegram.org: ENOTFOUND; retrying in 0.001 s"],
      [40, "cannot reach https://api.telegram.org: ECONNREFUSED; retrying in 0.002 s"],
      [40, "cannot reach https://api.telegram.org: HTTP 502 Bad Gateway; retrying in 0.004 s"],
      [40, "cannot reach https://api.telegram.org: HTTP 500 Internal Server Error; retrying in 0.004 s"],
      [30, "reached https://api.telegram.org"],
    ]);
    expect(lines[0]!.method).toBe("getMe");
  });

  it("waits at least as long as flood control asks", async () => {
    const { call, lines } = run([{ ok: false, error_code: 429, description: "Too Many Requests: retry after 1", parameters: { retry_after: 1 } }, ok]);
    await call;
    expect(lines[0]!.msg).toBe("cannot reach https://api.telegram.org: HTTP 429 Too Many Requests; retrying in 1 s");
  });

  it("hands refusals up at once, unlogged: they are answers", async () => {
    const unauthorized: Answer = { ok: false, error_code: 401, description: "Unauthorized" };
    const refused = run([unauthorized]);
    expect(await refused.call).toEqual(unauthorized);
    const broken = run([new HttpError("Network request for 'getMe' failed!", new SyntaxError("Unexpected token <"))]);
    await expect(broken.call).rejects.toBeInstanceOf(HttpError);
    expect([...refused.lines, ...broken.lines, refused.calls(), broken.calls()]).toEqual([1, 1]);
  });

  it("stops waiting when told to give up", async () => {
    const giveUp = new AbortController();
    const { call, lines } = run([systemError("ECONNREFUSED")], { signal: giveUp.signal, delaysMs: [60_000] });
    await vi.waitFor(() => expect(lines).toHaveLength(1));
    giveUp.abort();
    await expect(call).rejects.toThrow(/stopped waiting for Telegram/);
  });
});
