import "server-only";
// The session check for pages and server actions (the data-access-layer check Next's auth guide recommends):
// every admin page and every admin action calls one of these, so the proxy's cookie check is never the only guard.
import { cache } from "react";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { SESSION_COOKIE, sessionCookieOptions, sessionUserFromToken, type SessionUser } from "./session";

/** The signed-in merchandiser for this request (memoised per render), or null. */
export const currentMerchandiser = cache(async (): Promise<SessionUser | null> => {
  const token = (await cookies()).get(SESSION_COOKIE)?.value;
  return sessionUserFromToken(token);
});

/** For pages: the merchandiser, or a redirect to the login page that comes back here afterwards. */
export async function requireMerchandiser(returnTo = "/admin"): Promise<SessionUser> {
  const user = await currentMerchandiser();
  if (!user) redirect(`/admin/login?next=${encodeURIComponent(returnTo)}`);
  return user;
}

export async function setSessionCookie(token: string, expiresAt: Date): Promise<void> {
  (await cookies()).set(SESSION_COOKIE, token, sessionCookieOptions(expiresAt));
}

export async function takeSessionCookie(): Promise<string | undefined> {
  const jar = await cookies();
  const token = jar.get(SESSION_COOKIE)?.value;
  jar.delete(SESSION_COOKIE);
  return token;
}

/** Only same-site admin paths are valid places to return to after login (no open redirect). */
export function safeReturnPath(next: unknown): string {
  if (typeof next !== "string" || !next.startsWith("/admin") || next.startsWith("/admin/login") || next.includes("//") || next.includes("\\")) {
    return "/admin";
  }
  return next;
}
