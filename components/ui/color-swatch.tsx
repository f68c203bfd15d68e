// A colour dot drawn from the ontology's hex; light colours get a hairline so they stay visible on paper.
import { getColor } from "@/lib/ontology";
import { cn } from "./cn";

/** Colours this light (the ontology's 0-6 scale) need an outline against the off-white page. */
const OUTLINE_FROM_LIGHTNESS = 5;

export function ColorSwatch({ color, size = "md", className }: { color: string; size?: "sm" | "md" | "lg"; className?: string }) {
  const spec = getColor(color);
  const light = (spec?.lightness ?? 0) >= OUTLINE_FROM_LIGHTNESS || !spec;
  const shiny = spec?.shiny;
  return (
    <span
      aria-hidden="true"
      className={cn(
        "inline-block shrink-0 rounded-full",
        size === "sm" && "size-3",
        size === "md" && "size-5",
        size === "lg" && "size-7",
        light ? "ring-1 ring-line-strong ring-inset" : "ring-1 ring-black/10 ring-inset",
        className,
      )}
      style={{
        backgroundColor: spec?.hex ?? "transparent",
        // Metallic colours read as metal, not flat paint.
        backgroundImage: shiny ? "linear-gradient(135deg, rgba(255,255,255,.55), rgba(255,255,255,0) 45%, rgba(0,0,0,.18))" : undefined,
      }}
    />
  );
}
