/** The last `capacity` ids added, to recognise a repeat; the oldest is forgotten first (a Set keeps insertion order). */
export class RecentIds {
  private readonly seen = new Set<number>();

  constructor(private readonly capacity: number) {}

  /** Adds `id`; false when it is already there. */
  add(id: number): boolean {
    if (this.seen.has(id)) return false;
    this.seen.add(id);
    if (this.seen.size > this.capacity) this.seen.delete(this.seen.values().next().value!);
    return true;
  }

  delete(id: number): void {
    this.seen.delete(id);
  }
}
