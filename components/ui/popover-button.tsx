"use client";

import { type ReactNode, useEffect, useId, useRef, useState } from "react";

/** A button that opens a small panel under it; Escape or a click outside closes it. */
export function PopoverButton({
  label,
  badge,
  children,
  align = "left",
}: {
  label: string;
  badge?: string;
  children: ReactNode;
  align?: "left" | "right";
}) {
  const [isOpen, setIsOpen] = useState(false);
  const box = useRef<HTMLDivElement>(null);
  const panelId = useId();
  useEffect(() => {
    if (!isOpen) return;
    const onDown = (e: MouseEvent) => {
      if (box.current && !box.current.contains(e.target as Node)) setIsOpen(false);
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Escape") setIsOpen(false);
    };
    document.addEventListener("mousedown", onDown);
    document.addEventListener("keydown", onKey);
    return () => {
      document.removeEventListener("mousedown", onDown);
      document.removeEventListener("keydown", onKey);
    };
  }, [isOpen]);
  return (
    <div ref={box} className="relative">
      <button
        type="button"
        aria-expanded={isOpen}
        aria-controls={panelId}
        onClick={() => setIsOpen((o) => !o)}
        className={`flex items-center gap-1 rounded border px-2 py-1 text-sm ${badge ? "border-accent" : "border-line"} bg-panel hover:border-accent`}
      >
        {label}
        {badge ? <span className="rounded bg-accent px-1 text-xs text-accent-ink">{badge}</span> : null}
        <span aria-hidden className="text-xs text-muted">
          ▾
        </span>
      </button>
      {isOpen ? (
        <fieldset
          id={panelId}
          className={`absolute top-full z-30 mt-1 max-h-80 min-w-56 overflow-auto rounded border border-line bg-panel p-2 shadow-lg ${align === "right" ? "right-0" : "left-0"}`}
        >
          <legend className="sr-only">{label}</legend>
          {children}
        </fieldset>
      ) : null}
    </div>
  );
}
