"use client";
// A shop page failed to render: say so plainly and offer a retry; the details are in the server log.
import { Button } from "@/components/ui/button";

export default function ShopError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div role="alert" className="mx-auto flex max-w-md flex-col items-center px-5 py-24 text-center">
      <h1 className="font-display text-3xl text-ink">This page could not be loaded</h1>
      <p className="mt-3 text-sm text-muted">Something went wrong on our side. Please try again.</p>
      <Button onClick={reset} className="mt-8">Try again</Button>
    </div>
  );
}
