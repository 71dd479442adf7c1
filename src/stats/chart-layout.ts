/**
 * Where the parts of the /stats chart go, in SVG units. One drawing, two layouts: the picture /stats sends
 * (1280 wide, shown full-width in the chat where it can be zoomed) and the phone layout the Mini App shows inline
 * at about 360 CSS px, where the same 24-unit labels only stay readable on a narrower viewBox. Text sizes are the
 * same in both; only the room around them changes.
 */

export type LayoutName = "picture" | "phone";

/** A plot: its heading's baseline and the top and bottom of the area the values fill. */
export interface PanelBox {
  heading: number;
  top: number;
  bottom: number;
}

export interface Layout {
  width: number;
  height: number;
  /** Where headings, the title and the legend start. */
  margin: number;
  /** The plots' left (the axis values end left of it) and right edges. */
  left: number;
  right: number;
  /** The big title's baseline, or null for none (the page has its own heading). */
  title: number | null;
  /** The legend's first row; it wraps onto more rows of `legendRow` when it does not fit the width. */
  legend: number;
  legendRow: number;
  weekly: PanelBox;
  /** From one month label under a plot to the next at least this far (further when the label is wider). */
  monthSpacing: number;
  backlog: PanelBox;
  /** The projection note's baseline: beside the backlog heading (on the right) or on a line of its own below it. */
  note: { y: number; beside: boolean };
  /** The top line of the panel of streak, top tags and top sites, or null for none (the page shows them as tiles). */
  bottomPanel: number | null;
}

const PICTURE: Layout = {
  width: 1280,
  height: 960,
  margin: 60,
  left: 110,
  right: 1230,
  title: 60,
  legend: 108,
  legendRow: 40,
  weekly: { heading: 160, top: 180, bottom: 400 },
  monthSpacing: 80,
  backlog: { heading: 480, top: 500, bottom: 660 },
  note: { y: 480, beside: true },
  bottomPanel: 722,
};

// The picture narrowed: 720 units at about 358 CSS px make a 24-unit label 12 px on the screen.
const PHONE: Layout = {
  ...PICTURE,
  width: 720,
  margin: 4,
  left: 80,
  right: 708,
  // Months four weeks apart are only about 75 units apart under the backlog.
  monthSpacing: 56,
  // Down the page: no title, and the projection note on a line of its own under its heading, with the whole width.
  title: null,
  legend: 28,
  weekly: { heading: 88, top: 116, bottom: 356 },
  backlog: { heading: 436, top: 492, bottom: 660 },
  note: { y: 470, beside: false },
  bottomPanel: null,
  height: 708,
};

export const LAYOUTS: Record<LayoutName, Layout> = { picture: PICTURE, phone: PHONE };

/** The layout with everything below the legend moved down by `dy`, for a legend that took more rows. */
export function below(layout: Layout, dy: number): Layout {
  if (dy === 0) return layout;
  const move = (box: PanelBox): PanelBox => ({ heading: box.heading + dy, top: box.top + dy, bottom: box.bottom + dy });
  return {
    ...layout,
    height: layout.height + dy,
    weekly: move(layout.weekly),
    backlog: move(layout.backlog),
    note: { ...layout.note, y: layout.note.y + dy },
    bottomPanel: layout.bottomPanel === null ? null : layout.bottomPanel + dy,
  };
}
