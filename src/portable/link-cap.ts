import type { PortableLink } from "./model.js";

/**
 * The links of one file up to a cap. A file of minimal lines holds millions of links, and every link costs
 * memory several times over on its way to the database; past the cap a reader stops, and the preview says
 * that only the first were read.
 */
export const DEFAULT_MAX_LINKS = 1_000_000;

export class LinkList {
  readonly links: PortableLink[] = [];
  /** Set once a link past the cap was offered: the file holds more than the cap. */
  full = false;

  constructor(private readonly max: number = DEFAULT_MAX_LINKS) {}

  add(link: PortableLink): void {
    if (this.links.length < this.max) this.links.push(link);
    else this.full = true;
  }

  /** What `ParsedFile.cutAt` says: the cap when the file held more, nothing otherwise. */
  get cut(): { cutAt?: number } {
    return this.full ? { cutAt: this.max } : {};
  }
}
