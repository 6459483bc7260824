"use client";

import { useEffect, useState } from "react";

type Theme = "system" | "light" | "dark";
const NEXT: Record<Theme, Theme> = { system: "light", light: "dark", dark: "system" };

/** Light, dark or the system's choice; remembered in this browser. */
export function ThemeToggle() {
  const [theme, setTheme] = useState<Theme>("system");
  useEffect(() => setTheme((localStorage.getItem("chainline-theme") as Theme | null) ?? "system"), []);
  function choose(t: Theme) {
    setTheme(t);
    if (t === "system") {
      localStorage.removeItem("chainline-theme");
      delete document.documentElement.dataset.theme;
    } else {
      localStorage.setItem("chainline-theme", t);
      document.documentElement.dataset.theme = t;
    }
  }
  return (
    <button
      type="button"
      onClick={() => choose(NEXT[theme])}
      className="rounded border border-line px-2 py-1 text-xs text-muted hover:text-ink"
    >
      Theme: {theme}
    </button>
  );
}
