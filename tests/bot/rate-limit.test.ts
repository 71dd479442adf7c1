import { describe, expect, it } from "vitest";
import { SlidingWindowLimiter } from "../../src/bot/middlewares/rate-limit.js";

const WINDOW = 10_000;
const LIMIT = 5;

function limiterAt(start: number) {
  let now = start;
  const limiter = new SlidingWindowLimiter(LIMIT, WINDOW, () => now);
  return {
    limiter,
    at(time: number) {
      now = time;
    },
    /** Sends `n` updates from `user` now; how many passed, and how many drops said "slow down". */
    send(user: number, n: number, exempt = false) {
      const verdicts = Array.from({ length: n }, () => limiter.take(user, exempt));
      return { passed: verdicts.filter((v) => v.pass).length, told: verdicts.filter((v) => !v.pass && v.tell).length };
    },
  };
}

describe("the per-user sliding window", () => {
  it("lets no more than the limit through across a ten-second boundary", () => {
    const clock = limiterAt(0);
    clock.at(9_900);
    expect(clock.send(1, LIMIT)).toEqual({ passed: LIMIT, told: 0 });
    // Where a window shared by everyone would have reset.
    clock.at(10_100);
    expect(clock.send(1, LIMIT)).toEqual({ passed: 0, told: 1 });
    clock.at(19_899);
    expect(clock.send(1, 1)).toEqual({ passed: 0, told: 0 });
    // Ten seconds after the five passed, room again.
    clock.at(19_900);
    expect(clock.send(1, LIMIT + 1)).toEqual({ passed: LIMIT, told: 0 });
  });

  it("gives each user their own window", () => {
    const clock = limiterAt(0);
    expect(clock.send(1, LIMIT + 3)).toEqual({ passed: LIMIT, told: 1 });
    clock.at(6_000);
    expect(clock.send(2, LIMIT)).toEqual({ passed: LIMIT, told: 0 });
    clock.at(10_000);
    expect(clock.send(1, LIMIT)).toEqual({ passed: LIMIT, told: 0 });
    expect(clock.send(2, 1)).toEqual({ passed: 0, told: 1 });
  });

  it("tells a flooding user once per window, not once per dropped update", () => {
    const clock = limiterAt(0);
    expect(clock.send(1, 50)).toEqual({ passed: LIMIT, told: 1 });
    clock.at(5_000);
    expect(clock.send(1, 50)).toEqual({ passed: 0, told: 0 });
    // A steady flood lets the limit through each window and hears "slow down" once more.
    clock.at(10_000);
    expect(clock.send(1, 50)).toEqual({ passed: LIMIT, told: 1 });
  });

  it("always passes exempt updates without counting them, so the button after a burst of forwards still works", () => {
    const clock = limiterAt(0);
    expect(clock.send(1, 100, true)).toEqual({ passed: 100, told: 0 });
    expect(clock.send(1, LIMIT)).toEqual({ passed: LIMIT, told: 0 });
    expect(clock.send(1, 1)).toEqual({ passed: 0, told: 1 });
    expect(clock.send(1, 5, true)).toEqual({ passed: 5, told: 0 });
  });

  it("forgets users idle for a window", () => {
    const clock = limiterAt(0);
    for (let user = 1; user <= 1000; user++) clock.send(user, 1);
    expect(clock.limiter.tracked).toBe(1000);
    clock.at(20_000);
    clock.send(1, 1);
    expect(clock.limiter.tracked).toBe(1);
  });
});
