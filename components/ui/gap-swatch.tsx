/** The legend's swatch for an evidence gap: the same red hatching the timeline and coverage bars draw. */
export function GapSwatch() {
  return (
    <span
      className="inline-block h-2.5 w-5 border border-danger"
      style={{ backgroundImage: "repeating-linear-gradient(45deg, var(--danger) 0 2px, transparent 2px 5px)" }}
      aria-hidden="true"
    />
  );
}
