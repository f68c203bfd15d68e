// The Atelier wordmark, drawn as hairline strokes so it looks the same everywhere (no web font needed).
import { cn } from "@/components/ui/cn";

/** Letter strokes on a 20-unit cap height; each letter is a separate path so spacing can be tuned by eye. */
const LETTERS = [
  "M1 23 L9 3 L17 23 M4.2 15 H13.8", // A
  "M25 3 H41 M33 3 V23", // T
  "M61 3 H50 V23 H61 M50 13 H59", // E
  "M71 3 V23 H82", // L
  "M91 3 V23", // I
  "M111 3 H100 V23 H111 M100 13 H109", // E
  "M121 23 V3 H128 A5 5 0 0 1 128 13 H121 M127 13 L134 23", // R
];

export function Logo({ className, title = "Atelier" }: { className?: string; title?: string }) {
  return (
    <svg viewBox="0 0 135 26" role="img" aria-label={title} className={cn("h-5 w-auto text-ink", className)}>
      <g fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="square" strokeLinejoin="miter">
        {LETTERS.map((d) => (
          <path key={d} d={d} />
        ))}
      </g>
    </svg>
  );
}
