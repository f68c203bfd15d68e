// Small form primitives for the console: a labelled field with its error, and shared input/button styles.
// Plain functions of props, usable from server and client components alike.
import { buttonClasses } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import type { ReactNode } from "react";

export const inputClass =
  "block w-full rounded-md border border-line-strong bg-white px-3 py-2 text-sm text-ink shadow-xs placeholder:text-muted/70 " +
  "focus:border-ink focus:outline-none focus:ring-2 focus:ring-ink/10 aria-[invalid=true]:border-red-600 aria-[invalid=true]:ring-red-600/15 " +
  "disabled:bg-sand disabled:text-muted";

/** The shop's button variants (components/ui/button), at a console-friendly size; plus a danger variant. */
export function buttonClass(variant: "primary" | "secondary" | "ghost" | "danger" = "primary", className?: string): string {
  const sized = cn("h-9 px-4 text-sm tracking-normal", className);
  if (variant === "danger") {
    return buttonClasses("secondary", "sm", cn("border-sale/40 text-sale hover:bg-sale hover:text-paper", sized));
  }
  return buttonClasses(variant, "sm", sized);
}

interface FieldProps {
  label: string;
  htmlFor: string;
  error?: string;
  hint?: string;
  className?: string;
  children: ReactNode;
}

/** Label, control, then either the error (announced, linked by id) or a hint. */
export function Field({ label, htmlFor, error, hint, className, children }: FieldProps) {
  return (
    <div className={cn("space-y-1.5", className)}>
      <label htmlFor={htmlFor} className="block text-sm font-medium text-ink-soft">
        {label}
      </label>
      {children}
      {error ? (
        <p id={`${htmlFor}-error`} role="alert" className="text-sm text-red-700">
          {error}
        </p>
      ) : hint ? (
        <p id={`${htmlFor}-hint`} className="text-xs text-muted">
          {hint}
        </p>
      ) : null}
    </div>
  );
}

/** aria attributes for a control inside a Field. */
export function describedBy(id: string, error?: string, hint?: string) {
  return {
    id,
    "aria-invalid": error ? (true as const) : undefined,
    "aria-describedby": error ? `${id}-error` : hint ? `${id}-hint` : undefined,
  };
}

export function Notice({ tone = "info", children }: { tone?: "info" | "success" | "error"; children: ReactNode }) {
  const styles = {
    info: "border-line bg-studio text-ink-soft",
    success: "border-emerald-200 bg-emerald-50 text-emerald-800",
    error: "border-red-200 bg-red-50 text-red-800",
  };
  return (
    <div role={tone === "error" ? "alert" : "status"} className={cn("rounded-md border px-4 py-3 text-sm", styles[tone])}>
      {children}
    </div>
  );
}
