/** One colour per stage position: distinct hues that read on the light and the dark panel. */
const PALETTE = [
  "#4e79a7",
  "#f28e2b",
  "#59a14f",
  "#e15759",
  "#b07aa1",
  "#76b7b2",
  "#edc948",
  "#ff9da7",
  "#9c755f",
  "#2f9e9e",
  "#d37295",
] as const;

/** The colour of events without a stage. */
export const UNTAGGED_COLOR = "#8a94a3";

/** The stage at this position's colour (positions past the palette wrap around). */
export function stageColor(position: number | null | undefined): string {
  if (position === null || position === undefined || position < 0) return UNTAGGED_COLOR;
  return PALETTE[position % PALETTE.length] as string;
}
