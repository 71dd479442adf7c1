import { describe, expect, it } from "vitest";
import { EXEMPLAR_CITIES } from "../../src/time/cldr-zone-cities.js";

describe("the exemplar cities copied from CLDR", () => {
  it("name every zone ICU knows, in English and Chinese", () => {
    const missing = Intl.supportedValuesOf("timeZone").filter((zone) => !zone.startsWith("Etc/") && !(zone in EXEMPLAR_CITIES));
    expect(missing).toEqual([]);
    expect(EXEMPLAR_CITIES["Asia/Shanghai"]).toEqual(["Shanghai", "上海", "上海"]);
    expect(EXEMPLAR_CITIES["Asia/Calcutta"]).toEqual(["Kolkata", "加尔各答", "加爾各答"]);
    expect(EXEMPLAR_CITIES["America/New_York"]).toEqual(["New York", "纽约", "紐約"]);
  });
});
