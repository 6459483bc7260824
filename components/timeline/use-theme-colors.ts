"use client";

import { useEffect, useState } from "react";

/** The theme's colours as canvas needs them (canvas cannot read CSS variables itself). */
export type ThemeColors = { ink: string; muted: string; line: string; accent: string; panel: string; danger: string };

const FALLBACK: ThemeColors = { ink: "#1c1f24", muted: "#5b6470", line: "#dcdfe4", accent: "#1f5fbf", panel: "#ffffff", danger: "#b42318" };

function read(): ThemeColors {
  const s = getComputedStyle(document.documentElement);
  const v = (name: string, fallback: string) => s.getPropertyValue(name).trim() || fallback;
  return {
    ink: v("--ink", FALLBACK.ink),
    muted: v("--muted", FALLBACK.muted),
    line: v("--line", FALLBACK.line),
    accent: v("--accent", FALLBACK.accent),
    panel: v("--panel", FALLBACK.panel),
    danger: v("--danger", FALLBACK.danger),
  };
}

/** The current theme's colours, updated when the system or the analyst (data-theme on <html>) switches theme. */
export function useThemeColors(): ThemeColors {
  const [colors, setColors] = useState(FALLBACK);
  useEffect(() => {
    const onChange = () => setColors(read());
    onChange();
    const mq = window.matchMedia("(prefers-color-scheme: dark)");
    mq.addEventListener("change", onChange);
    const mo = new MutationObserver(onChange);
    mo.observe(document.documentElement, { attributes: true, attributeFilter: ["data-theme", "class", "style"] });
    return () => {
      mq.removeEventListener("change", onChange);
      mo.disconnect();
    };
  }, []);
  return colors;
}
