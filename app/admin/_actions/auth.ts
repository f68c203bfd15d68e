"use server";
// Sign-in and sign-out. Failures are values for the form; the limiter counts failed attempts per email + IP.
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { safeReturnPath, setSessionCookie, takeSessionCookie } from "@/lib/auth/current";
import { limiterKey, lockedFor, recordFailure, recordSuccess } from "@/lib/auth/rate-limit";
import { createSession, deleteSession } from "@/lib/auth/session";
import { authenticate } from "@/lib/auth/users";
import { log } from "@/lib/log";

export type LoginState = { ok: false; error: string; email: string } | null;

const loginSchema = z.object({
  email: z.string().trim().toLowerCase().email().max(200),
  password: z.string().min(1).max(200),
  next: z.string().max(500).optional(),
});

async function clientIp(): Promise<string> {
  const h = await headers();
  return h.get("x-forwarded-for")?.split(",")[0]?.trim() || h.get("x-real-ip") || "local";
}

export async function login(_previous: LoginState, formData: FormData): Promise<LoginState> {
  const parsed = loginSchema.safeParse(Object.fromEntries(formData));
  const email = String(formData.get("email") ?? "").slice(0, 200);
  if (!parsed.success) return { ok: false, error: "Enter your email address and password.", email };
  const key = limiterKey(parsed.data.email, await clientIp());
  const wait = lockedFor(key);
  if (wait > 0) {
    return { ok: false, error: `Too many failed sign-ins. Try again in ${Math.ceil(wait / 60_000)} minute${wait > 60_000 ? "s" : ""}.`, email };
  }
  const user = await authenticate(parsed.data.email, parsed.data.password);
  if (!user) {
    recordFailure(key);
    log.warn({ email: parsed.data.email }, "failed merchandiser sign-in");
    return { ok: false, error: "That email and password do not match a merchandiser account.", email };
  }
  recordSuccess(key);
  const { token, expiresAt } = await createSession(user.id);
  await setSessionCookie(token, expiresAt);
  redirect(safeReturnPath(parsed.data.next));
}

export async function logout(): Promise<void> {
  await deleteSession(await takeSessionCookie());
  redirect("/admin/login");
}
