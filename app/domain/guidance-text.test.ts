import { describe, expect, it } from "vitest";
import { textBlocks } from "./guidance-text";

describe("guidance text", () => {
  it("makes paragraphs of blank-line-separated text and lists of '- ' lines", () => {
    expect(textBlocks("Første afsnit\nfortsætter her.\n\nGør:\n- Sæt mål\n- Tal dansk\n\n\r\nSidste.")).toEqual([
      { kind: "p", text: "Første afsnit fortsætter her." },
      { kind: "p", text: "Gør:" },
      { kind: "ul", items: ["Sæt mål", "Tal dansk"] },
      { kind: "p", text: "Sidste." },
    ]);
  });
  it("keeps markup as text (nothing is interpreted)", () => {
    expect(textBlocks("<b>fed</b>")).toEqual([{ kind: "p", text: "<b>fed</b>" }]);
    expect(textBlocks("  \n\n ")).toEqual([]);
  });
});
