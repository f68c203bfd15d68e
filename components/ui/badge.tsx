// Small status labels (out of stock, new); quiet by default so they never shout over the product.
import type { HTMLAttributes } from "react";
import { cn } from "./cn";

type BadgeTone = "neutral" | "muted" | "inverse";

const tones: Record<BadgeTone, string> = {
  neutral: "bg-paper/90 text-ink ring-1 ring-line",
  muted: "bg-sand text-ink-soft",
  inverse: "bg-ink text-paper",
};

export function Badge({ tone = "neutral", className, ...props }: HTMLAttributes<HTMLSpanElement> & { tone?: BadgeTone }) {
  return <span className={cn("eyebrow inline-flex items-center px-2 py-1 font-medium", tones[tone], className)} {...props} />;
}
