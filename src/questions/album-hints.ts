/**
 * Album parts arrive as separate messages and the caption with the links may come in any of them, so a
 * part without links gets the "no links" hint only if no part of its album had links a moment later.
 */
export class AlbumHints {
  private readonly withLinks = new Set<string>();
  private readonly pending = new Map<string, NodeJS.Timeout>();

  constructor(private readonly delayMs: number) {}

  sawLinks(mediaGroupId: string): void {
    this.withLinks.add(mediaGroupId);
    clearTimeout(this.pending.get(mediaGroupId));
    this.pending.delete(mediaGroupId);
    // Albums arrive within seconds; a bounded memory of recent ones is enough.
    if (this.withLinks.size > 1000) this.withLinks.delete(this.withLinks.values().next().value!);
  }

  sawNoLinks(mediaGroupId: string, hint: () => Promise<unknown>): void {
    if (this.withLinks.has(mediaGroupId) || this.pending.has(mediaGroupId)) return;
    const timer = setTimeout(() => {
      this.pending.delete(mediaGroupId);
      void hint().catch(() => undefined);
    }, this.delayMs);
    timer.unref();
    this.pending.set(mediaGroupId, timer);
  }
}
