import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ontology } from "@/lib/ontology";

// The app embeds a copy of the team's canonical ontology; it may only ever extend it.
const shared = new URL("../../../shared/ontology.json", import.meta.url);

describe.skipIf(!existsSync(shared))("embedded ontology", () => {
  it("matches ../shared/ontology.json", () => {
    expect(ontology).toEqual(JSON.parse(readFileSync(shared, "utf8")));
  });
});
