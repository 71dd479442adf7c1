import type { Message } from "@grammyjs/types";
import { button, nextEdit, nextMessage, SETTLED, TAG_QUESTION } from "./chat.js";
import type { UserInit } from "../../src/emulator/index.js";
import type { Harness } from "./harness.js";

/**
 * One user talking to the harness's bot, in the steps a test speaks of: save a link, send a command, press a button.
 * Either harness (bot process or in-process app): the session speaks only through the emulator.
 */
export function chatSession(harness: Pick<Harness<unknown>, "emulator">, init: UserInit & { id: number }) {
  const user = () => harness.emulator.user(init);
  return {
    user,

    /** Sends links and answers the tag question: typed tags, or Skip for "". */
    async save(text: string, tags: string): Promise<void> {
      let since = harness.emulator.mark();
      user().sendText(text);
      const question = await nextMessage(harness.emulator, init.id, since, TAG_QUESTION);
      since = harness.emulator.mark();
      if (tags === "") user().press(question, button(question, "Skip").callback_data);
      else user().sendText(tags);
      await nextEdit(harness.emulator, question, since, SETTLED);
    },

    /** Sends a command and waits for the bot's reply (the first one matching `expected`, when given). */
    async command(text: string, expected?: RegExp): Promise<Message> {
      const since = harness.emulator.mark();
      user().command(text);
      return await nextMessage(harness.emulator, init.id, since, expected);
    },

    /** Presses a button and waits for the message to be edited in place; returns the edited message. */
    async press(message: Message, label: string | RegExp): Promise<Message> {
      const since = harness.emulator.mark();
      user().press(message, button(message, label).callback_data);
      return await nextEdit(harness.emulator, message, since);
    },
  };
}
