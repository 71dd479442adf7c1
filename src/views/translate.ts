/** A translation function as views need it: ctx.t in handlers, translatorFor(...) in background jobs. */
export type Translate = (key: string, variables?: Record<string, string | number>) => string;
