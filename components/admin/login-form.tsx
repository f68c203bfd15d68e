"use client";
// The sign-in form: errors come back from the server action as values and are shown above the fields.
import { useActionState } from "react";
import { login, type LoginState } from "@/app/admin/_actions/auth";
import { buttonClass, Field, inputClass, Notice } from "./form-controls";

export function LoginForm({ next }: { next: string }) {
  const [state, action, pending] = useActionState<LoginState, FormData>(login, null);
  return (
    <form action={action} className="space-y-5" noValidate>
      {state?.error ? <Notice tone="error">{state.error}</Notice> : null}
      <input type="hidden" name="next" value={next} />
      <Field label="Email" htmlFor="email">
        <input id="email" name="email" type="email" autoComplete="username" required defaultValue={state?.email} className={inputClass} autoFocus />
      </Field>
      <Field label="Password" htmlFor="password">
        <input id="password" name="password" type="password" autoComplete="current-password" required className={inputClass} />
      </Field>
      <button type="submit" disabled={pending} className={buttonClass("primary", "w-full")}>
        {pending ? "Signing in…" : "Sign in"}
      </button>
    </form>
  );
}
