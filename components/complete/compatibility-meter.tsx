// How well the outfit holds together: a quiet bar and a word, announced politely when it changes.
import { cn } from "@/components/ui/cn";

function verdict(score: number): string {
  if (score >= 0.8) return "Works beautifully";
  if (score >= 0.6) return "Works well";
  if (score >= 0.4) return "Could be better";
  return "Pieces pull apart";
}

export function CompatibilityMeter({ score, pieces, busy }: { score: number | null; pieces: number; busy?: boolean }) {
  const percent = score === null ? 0 : Math.round(score * 100);
  return (
    <section aria-labelledby="compat-title" className="border-t border-line pt-5" data-testid="compatibility">
      <div className="flex items-baseline justify-between gap-4">
        <h2 id="compat-title" className="eyebrow text-muted">Compatibility</h2>
        <p aria-live="polite" className={cn("font-display text-2xl text-ink tabular-nums transition-opacity", busy && "opacity-50")}>
          {score === null ? "—" : <span data-testid="compatibility-score">{percent}%</span>}
        </p>
      </div>
      <div
        role="meter"
        aria-label="Outfit compatibility"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={score === null ? undefined : percent}
        aria-valuetext={score === null ? "Not scored yet" : `${percent}%, ${verdict(score)}`}
        className="mt-3 h-1.5 w-full overflow-hidden bg-sand"
      >
        <div className="h-full bg-ink transition-[width] duration-700 ease-calm" style={{ width: `${percent}%` }} />
      </div>
      <p className="mt-2 text-xs text-muted">
        {score === null ? (pieces < 2 ? "Add a second piece to see how they go together." : "Scoring…") : verdict(score)}
      </p>
    </section>
  );
}
