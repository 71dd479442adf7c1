// The baseline process for start-up and memory: a grammY bot that only replies. Plain JavaScript, so it starts
// as the compiled linklog does, with no TypeScript loader.
import { Bot } from "grammy";

const bot = new Bot(process.env.BOT_TOKEN, { client: { apiRoot: process.env.TELEGRAM_API_ROOT } });
bot.on("message", (ctx) => ctx.reply("ok"));
process.once("SIGTERM", () => void bot.stop());
await bot.start();
