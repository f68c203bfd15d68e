"use client";
// A console page failed to render: say so plainly and offer a retry; the details are in the server log.
import { buttonClass } from "@/components/admin/form-controls";

export default function ConsoleError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="mx-auto max-w-md rounded-lg border border-line bg-white p-8 text-center shadow-xs">
      <h1 className="text-lg font-semibold text-ink">This page could not be loaded</h1>
      <p className="mt-2 text-sm text-muted">Something went wrong on our side. Nothing you entered was half-saved.</p>
      <button type="button" onClick={reset} className={buttonClass("primary", "mt-6")}>Try again</button>
    </div>
  );
}
