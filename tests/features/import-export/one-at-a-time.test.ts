import { describe, expect, it } from "vitest";
import { OneAtATime } from "../../../src/features/import-export/one-at-a-time.js";

/** A task that runs until the test lets it finish. */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { open, opened };
}

describe("one import at a time", () => {
  it("runs tasks one after another in arrival order, telling each waiting one how many are ahead", async () => {
    const line = new OneAtATime();
    const events: string[] = [];
    const first = gate();
    const task = (name: string, until?: Promise<void>) => async () => {
      events.push(`start ${name}`);
      await until;
      events.push(`end ${name}`);
      return name;
    };
    const told = (name: string) => async (ahead: number) => void events.push(`${name} waits behind ${ahead}`);
    const runs = [line.run(task("a", first.opened), told("a")), line.run(task("b"), told("b")), line.run(task("c"), told("c"))];
    await Promise.resolve();
    first.open();
    expect(await Promise.all(runs)).toEqual(["a", "b", "c"]);
    expect(events.filter((event) => event.includes("waits"))).toEqual(["b waits behind 1", "c waits behind 2"]);
    expect(events.filter((event) => !event.includes("waits"))).toEqual(["start a", "end a", "start b", "end b", "start c", "end c"]);
  });

  it("frees the slot when a task fails, and when telling a waiting task fails", async () => {
    const line = new OneAtATime();
    const failing = line.run(
      async () => Promise.reject(new Error("broken file")),
      async () => undefined,
    );
    const next = line.run(
      async () => "served",
      async () => Promise.reject(new Error("Telegram is down")),
    );
    await expect(failing).rejects.toThrow("broken file");
    expect(await next).toBe("served");
    expect(
      await line.run(
        async () => "alone",
        async () => expect.unreachable(),
      ),
    ).toBe("alone");
  });
});
