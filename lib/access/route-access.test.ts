import { describe, expect, it } from "vitest";
import { API_ACCESS, accessFor, PAGE_ACCESS } from "./route-access";
import { routeTree } from "./route-tree";

describe("route access declarations", () => {
  const tree = routeTree();

  it("declare every page in app/, and nothing that is not one", () => {
    expect(tree.pages.sort()).toEqual(Object.keys(PAGE_ACCESS).sort());
  });

  it("declare every method of every route handler, and nothing else", () => {
    const declared = Object.fromEntries(Object.entries(API_ACCESS).map(([p, m]) => [p, Object.keys(m).sort()]));
    const found = Object.fromEntries(Object.entries(tree.handlers).map(([p, m]) => [p, [...m].sort()]));
    expect(found).toEqual(declared);
  });

  it("match a request to the most specific pattern", () => {
    expect(accessFor("GET", "/incidents/abc/events")).toEqual({ pattern: "/incidents/[id]/events", access: "evidence.view" });
    expect(accessFor("GET", "/incidents/abc/story")).toEqual({ pattern: "/incidents/[id]/story", access: "chain.view" });
    expect(accessFor("PUT", "/api/incidents/abc/stories/s/versions/v")?.access).toBe("stories.edit");
    expect(accessFor("POST", "/api/incidents/abc/members")).toEqual({ pattern: "/api/incidents/[id]/members", access: "members.manage" });
    expect(accessFor("GET", "/api/auth/callback/oidc")?.access).toBe("public");
    expect(accessFor("DELETE", "/api/incidents")).toBeNull();
    expect(accessFor("GET", "/api/nothing/here")).toBeNull();
  });
});
