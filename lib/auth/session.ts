import "server-only";
// Merchandiser sessions: a random 32-byte token lives only in the browser's httpOnly cookie; the database keeps
// its SHA-256, so a leaked database (or backup) holds no usable session. Sessions expire after a fixed 7 days.
import { createHash, randomBytes } from "node:crypto";
import type { NextRequest } from "next/server";
import { db } from "../db";

export const SESSION_COOKIE = "atelier_session";
export const SESSION_TTL_MS = 7 * 24 * 60 * 60 * 1000;

export interface SessionUser {
  id: string;
  email: string;
  name: string;
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** Cookie attributes: httpOnly so scripts cannot read it, Lax so cross-site POSTs do not carry it, Secure in production. */
export function sessionCookieOptions(expiresAt: Date) {
  return {
    httpOnly: true,
    sameSite: "lax" as const,
    secure: process.env.NODE_ENV === "production",
    path: "/",
    expires: expiresAt,
  };
}

export async function createSession(userId: string, now = new Date()): Promise<{ token: string; expiresAt: Date }> {
  const client = await db();
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + SESSION_TTL_MS);
  // Drop this user's expired sessions while we are here, so the table does not grow without bound.
  await client.session.deleteMany({ where: { userId, expiresAt: { lte: now } } });
  await client.session.create({ data: { id: hashToken(token), userId, expiresAt } });
  return { token, expiresAt };
}

/** The user a session token belongs to, or null when the token is unknown or expired (expired rows are removed). */
export async function sessionUserFromToken(token: string | undefined | null, now = new Date()): Promise<SessionUser | null> {
  if (!token || token.length > 100) return null;
  const client = await db();
  const id = hashToken(token);
  const session = await client.session.findUnique({
    where: { id },
    select: { expiresAt: true, user: { select: { id: true, email: true, name: true } } },
  });
  if (!session) return null;
  if (session.expiresAt.getTime() <= now.getTime()) {
    await client.session.deleteMany({ where: { id } });
    return null;
  }
  return session.user;
}

/** Used by the API wrapper (lib/api/handler.ts) for every `admin: true` route. */
export async function sessionUserFromRequest(request: NextRequest | Request): Promise<SessionUser | null> {
  const token = "cookies" in request ? request.cookies.get(SESSION_COOKIE)?.value : cookieFromHeader(request.headers.get("cookie"));
  return sessionUserFromToken(token);
}

export async function deleteSession(token: string | undefined | null): Promise<void> {
  if (!token) return;
  await (await db()).session.deleteMany({ where: { id: hashToken(token) } });
}

function cookieFromHeader(header: string | null): string | undefined {
  for (const part of header?.split(";") ?? []) {
    const [name, ...rest] = part.trim().split("=");
    if (name === SESSION_COOKIE) return decodeURIComponent(rest.join("="));
  }
  return undefined;
}
