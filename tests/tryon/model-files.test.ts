// The build-time copy (scripts/copy-tfjs.mjs, plain Node) must ship exactly the files the worker asks for.
import { describe, expect, it } from "vitest";
import { PARSING_MODEL_FILES, TFJS_WASM_FILES } from "@/lib/tryon/parsing/model-files";
// @ts-expect-error -- a plain .mjs build script without type declarations
import { MODEL_FILES, WASM_FILES } from "../../scripts/copy-tfjs.mjs";

describe("person parsing assets", () => {
  it("copies the models and wasm binaries that the worker loads", () => {
    expect([...MODEL_FILES].sort()).toEqual([...PARSING_MODEL_FILES].sort());
    expect([...WASM_FILES].sort()).toEqual([...TFJS_WASM_FILES].sort());
  });
});
