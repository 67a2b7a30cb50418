import { describe, expect, it } from "vitest";
import { currentNavItem, navByRole } from "./nav";

describe("the menu's current item", () => {
  const at = (role: keyof typeof navByRole, path: string) => currentNavItem(navByRole[role], path);
  it("is one item: the longest path the page lies under", () => {
    expect(at("caseworker", "/kommune/borgere/ny")).toMatchObject({ to: "/kommune/borgere/ny", exact: true });
    expect(at("caseworker", "/kommune/borgere")).toMatchObject({ to: "/kommune/borgere", exact: true });
    expect(at("caseworker", "/kommune/borgere/12")).toMatchObject({ to: "/kommune/borgere", exact: false });
    expect(at("caseworker", "/kommune")).toMatchObject({ to: "/kommune", exact: true });
    expect(at("coordinator", "/koordinator/forloeb/4")).toMatchObject({ to: "/koordinator/forloeb", exact: false });
    expect(at("admin", "/admin/kommuner/751")).toMatchObject({ to: "/admin/kommuner" });
  });
  it("is none for pages outside the menu", () => {
    expect(at("mentor", "/persondata/mentee/1")).toBeNull();
    expect(at("mentor", "/mentorx")).toBeNull();
  });
});
