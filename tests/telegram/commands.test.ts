import type { Message } from "@grammyjs/types";
import { describe, expect, it } from "vitest";
import { commandInLowerCase, commandMessage, runCommandData, typedCommand } from "../../src/telegram/commands.js";

const message = (text: string, commandLength = text.split(/\s/, 1)[0]!.length): Message =>
  ({
    message_id: 1,
    date: 0,
    chat: { id: 1, type: "private", first_name: "A" },
    text,
    entities: [{ type: "bot_command", offset: 0, length: commandLength }],
  }) as Message;

describe("commands as typed", () => {
  it("lower-cases only the command, keeping the text's length and what follows", () => {
    expect(commandInLowerCase(message("/Unread #Rust"))).toBe("/unread #Rust");
    expect(commandInLowerCase(message("/UNREAD"))).toBe("/unread");
    expect(commandInLowerCase(message("/Today 2026-12-01"))).toBe("/today 2026-12-01");
    expect(commandInLowerCase(message("/Unread@LinkLog_Bot Rust"))).toBe("/unread@linklog_bot Rust");
    expect(commandInLowerCase(message("/Link_12"))).toBe("/link_12");
    const text = "/Note 进程 😀 https://example.org/X";
    expect(commandInLowerCase(message(text))).toHaveLength(text.length);
  });

  it("leaves alone a command already in lower case, and a message that starts with none", () => {
    expect(commandInLowerCase(message("/unread Rust"))).toBeNull();
    expect(commandInLowerCase({ ...message("Hello /Unread"), entities: [{ type: "bot_command", offset: 6, length: 7 }] })).toBeNull();
    expect(commandInLowerCase({ ...message("/Unread"), entities: undefined })).toBeNull();
  });

  it("reads a command's name without the bot's username, and its argument without the spaces before it", () => {
    expect(typedCommand(message("/Unrea@linklog_bot   rust  "))).toEqual({ name: "unrea", argument: "rust  " });
    expect(typedCommand(message("/nte\n  indented note"))).toEqual({ name: "nte", argument: "\n  indented note" });
    expect(typedCommand(message("/serach"))).toEqual({ name: "serach", argument: "" });
    expect(typedCommand({ ...message("plain"), entities: [] })).toBeNull();
  });

  it("writes the message a suggested command stands for, as the user would have typed it", () => {
    expect(commandMessage("unread", undefined)).toEqual({ text: "/unread", entities: [{ type: "bot_command", offset: 0, length: 7 }] });
    expect(commandMessage("search", "raft 共识")).toEqual({ text: "/search raft 共识", entities: [{ type: "bot_command", offset: 0, length: 7 }] });
    expect(commandMessage("note", "\n  indented note").text).toBe("/note\n  indented note");
  });

  it("packs a suggestion's command and argument into a button, or nothing when they do not fit in 64 bytes", () => {
    const data = runCommandData.tryPack({ command: "search", argument: "raft: consensus\nand more" });
    expect(data).toBe("run:search:raft: consensus\nand more");
    expect(runCommandData.unpack(data!)).toEqual({ command: "search", argument: "raft: consensus\nand more" });
    expect(runCommandData.tryPack({ command: "unread", argument: undefined })).toBe("run:unread");
    expect(runCommandData.tryPack({ command: "search", argument: "机器学习".repeat(5) })).toBeNull();
    // Only known commands run.
    expect(runCommandData.unpack("run:deleteall")).toBeNull();
    expect(runCommandData.unpack("run:unread:")).toBeNull();
  });
});
