import { describe, expect, it } from "vitest";
import { marksAsSvgPaths } from "./svg-recorder";

describe("marksAsSvgPaths", () => {
  it("draws bins as rectangles and events as circles, one path per colour, as the canvas does", () => {
    const svg = marksAsSvgPaths(
      100,
      20,
      [
        { x: 10, y: 5, color: "#ff0000" },
        { x: 20, y: 5, color: "#ff0000" },
        { x: 30, y: 5, color: "#00ff00" },
      ],
      [{ x: 0, y: 0, w: 4, h: 8, color: "#0000ff" }],
    );
    expect(svg).toBe(
      '<path d="M0 0h4v8h-4Z" fill="#0000ff" fill-opacity="0.85"/>' +
        '<path d="M13.5 5A3.5 3.5 0 1 0 6.5 5A3.5 3.5 0 1 0 13.5 5ZM23.5 5A3.5 3.5 0 1 0 16.5 5A3.5 3.5 0 1 0 23.5 5Z" fill="#ff0000" fill-opacity="0.8"/>' +
        '<path d="M33.5 5A3.5 3.5 0 1 0 26.5 5A3.5 3.5 0 1 0 33.5 5Z" fill="#00ff00" fill-opacity="0.8"/>',
    );
  });
});
