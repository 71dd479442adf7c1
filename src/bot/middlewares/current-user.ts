import type { MiddlewareFn } from "grammy";
import { upsertUser } from "../../store/users.js";
import type { BotContext } from "../context.js";

export const currentUser: MiddlewareFn<BotContext> = async (ctx, next) => {
  if (!ctx.from) return;
  ctx.user = await upsertUser(ctx.db, ctx.from, ctx.config.DEFAULT_TIMEZONE, ctx.clock());
  await next();
};
