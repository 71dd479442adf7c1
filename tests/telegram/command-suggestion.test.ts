import { describe, expect, it } from "vitest";
import { editDistance, suggestCommand } from "../../src/telegram/command-suggestion.js";
import { COMMANDS } from "../../src/telegram/commands.js";

const suggest = (typed: string) => suggestCommand(typed, COMMANDS);

describe("edit distance", () => {
  it("counts insertions, deletions, substitutions and a swap of neighbours as one edit each", () => {
    expect(editDistance("unread", "unread")).toBe(0);
    expect(editDistance("unrea", "unread")).toBe(1);
    expect(editDistance("unreadd", "unread")).toBe(1);
    expect(editDistance("unreed", "unread")).toBe(1);
    expect(editDistance("serach", "search")).toBe(1);
    expect(editDistance("tgas", "tags")).toBe(1);
    expect(editDistance("", "tags")).toBe(4);
    expect(editDistance("ca", "abc")).toBe(3);
    expect(editDistance("kitten", "sitting")).toBe(3);
  });

  it("is symmetric and counts a letter outside the BMP once", () => {
    expect(editDistance("search", "serach")).toBe(editDistance("serach", "search"));
    expect(editDistance("😀a", "a")).toBe(1);
  });
});

describe("did you mean", () => {
  it("finds the command a typo is one or two edits from", () => {
    expect(suggest("unrea")).toBe("unread");
    expect(suggest("serach")).toBe("search");
    expect(suggest("tgas")).toBe("tags");
    expect(suggest("exprot")).toBe("export");
    expect(suggest("timezon")).toBe("timezone");
    expect(suggest("digst")).toBe("digest");
    expect(suggest("lnk")).toBe("link");
    expect(suggest("red")).toBe("read");
  });

  it("finds the command a word starts", () => {
    expect(suggest("unr")).toBe("unread");
    expect(suggest("time")).toBe("timezone");
    expect(suggest("ref")).toBe("refetch");
    // Both start with "not": the one fewer real edits away.
    expect(suggest("not")).toBe("note");
  });

  it("prefers fewer edits, then the command listed first", () => {
    expect(suggest("tag")).toBe("tags");
    expect(suggest("notez")).toBe("notes");
    // One edit from both /notes and /note: /notes comes first in the list.
    expect(suggest("nots")).toBe("notes");
    // Both start with "ti": /title is fewer edits away than /timezone.
    expect(suggest("ti")).toBe("title");
  });

  it("suggests nothing for a word close to no command, a known command or nothing at all", () => {
    expect(suggest("xyzzy")).toBeNull();
    expect(suggest("me")).toBeNull();
    expect(suggest("u")).toBeNull();
    expect(suggest("unread")).toBeNull();
    expect(suggest("")).toBeNull();
    expect(suggest("link_abc")).toBeNull();
  });
});
