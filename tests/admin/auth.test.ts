// Sessions (hashed tokens, expiry), sign-in checks, the failed-login limiter and the first-user setup.
import { uniquePrefix } from "./test-env";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { LOCK_MS, MAX_FAILURES, limiterKey, lockedFor, recordFailure, recordSuccess, resetLoginLimiter } from "@/lib/auth/rate-limit";
import { createSession, deleteSession, hashToken, SESSION_TTL_MS, sessionUserFromRequest, sessionUserFromToken } from "@/lib/auth/session";
import { authenticate, upsertMerchandiser } from "@/lib/auth/users";

const prefix = uniquePrefix("AUTH").toLowerCase();
const email = `${prefix}@atelier.test`;
const password = "a long enough password";
let userId: string;

beforeAll(async () => {
  userId = (await upsertMerchandiser({ email, password, name: "Test Merch" })).user.id;
});

afterAll(async () => {
  await (await db()).user.deleteMany({ where: { email: { startsWith: prefix } } });
});

describe("sessions", () => {
  it("stores only the SHA-256 of the cookie token", async () => {
    const { token, expiresAt } = await createSession(userId);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/); // 32 random bytes
    const rows = await (await db()).session.findMany({ where: { userId } });
    expect(rows.map((r) => r.id)).toContain(hashToken(token));
    expect(rows.map((r) => r.id)).not.toContain(token);
    expect(Math.abs(expiresAt.getTime() - Date.now() - SESSION_TTL_MS)).toBeLessThan(5000);
    expect(await sessionUserFromToken(token)).toEqual({ id: userId, email, name: "Test Merch" });
  });

  it("expires after seven days, and the expired row is removed", async () => {
    const { token, expiresAt } = await createSession(userId);
    expect(await sessionUserFromToken(token, new Date(expiresAt.getTime() - 1000))).not.toBeNull();
    expect(await sessionUserFromToken(token, new Date(expiresAt.getTime() + 1))).toBeNull();
    expect(await (await db()).session.findUnique({ where: { id: hashToken(token) } })).toBeNull();
  });

  it("refuses unknown, empty and absurd tokens", async () => {
    expect(await sessionUserFromToken("not-a-token")).toBeNull();
    expect(await sessionUserFromToken("")).toBeNull();
    expect(await sessionUserFromToken(undefined)).toBeNull();
    expect(await sessionUserFromToken("x".repeat(5000))).toBeNull();
  });

  it("reads the session cookie from a request, and sign-out ends it", async () => {
    const { token } = await createSession(userId);
    const request = new Request("http://localhost/api/admin/me", { headers: { cookie: `other=1; atelier_session=${token}` } });
    expect((await sessionUserFromRequest(request))?.id).toBe(userId);
    await deleteSession(token);
    expect(await sessionUserFromRequest(request)).toBeNull();
  });

  it("a password change signs out every session of that account", async () => {
    const { token } = await createSession(userId);
    await upsertMerchandiser({ email, password: "another long password" });
    expect(await sessionUserFromToken(token)).toBeNull();
    await upsertMerchandiser({ email, password });
  });
});

describe("sign-in", () => {
  it("accepts the right password only, with the email in any case", async () => {
    expect(await authenticate(email.toUpperCase(), password)).toMatchObject({ id: userId });
    expect(await authenticate(email, "wrong password!!")).toBeNull();
    expect(await authenticate(`nobody-${email}`, password)).toBeNull();
  });

  it("refuses to create accounts with short passwords or bad emails", async () => {
    await expect(upsertMerchandiser({ email: `${prefix}-2@atelier.test`, password: "short" })).rejects.toThrow(/at least 10/);
    await expect(upsertMerchandiser({ email: "not an email", password })).rejects.toThrow(/valid email/);
  });
});

describe("failed sign-in limiter", () => {
  it(`locks an email + IP after ${MAX_FAILURES} failures, for ${LOCK_MS / 60000} minutes`, () => {
    resetLoginLimiter();
    const key = limiterKey(email, "203.0.113.7");
    const now = 1_000_000;
    for (let i = 0; i < MAX_FAILURES - 1; i++) recordFailure(key, now + i);
    expect(lockedFor(key, now + 10)).toBe(0);
    recordFailure(key, now + 10);
    expect(lockedFor(key, now + 11)).toBeGreaterThan(LOCK_MS - 100);
    // Another IP for the same email is a different key: one attacker cannot lock the merchandiser out everywhere.
    expect(lockedFor(limiterKey(email, "198.51.100.1"), now + 11)).toBe(0);
    expect(lockedFor(key, now + 10 + LOCK_MS + 1)).toBe(0);
  });

  it("forgets failures after a success", () => {
    resetLoginLimiter();
    const key = limiterKey(email, "203.0.113.8");
    for (let i = 0; i < MAX_FAILURES - 1; i++) recordFailure(key);
    recordSuccess(key);
    recordFailure(key);
    expect(lockedFor(key)).toBe(0);
  });
});

describe("first merchandiser", () => {
  const load = async (vars: Record<string, string | undefined>, userCount = 0) => {
    vi.resetModules();
    for (const [name, value] of Object.entries(vars)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    vi.doMock("@/lib/auth/users", async (original) => ({
      ...(await original<typeof import("@/lib/auth/users")>()),
      countMerchandisers: async () => userCount,
    }));
    return (await import("@/lib/auth/first-user")).ensureFirstMerchandiser;
  };
  const saved = { ADMIN_EMAIL: process.env.ADMIN_EMAIL, ADMIN_PASSWORD: process.env.ADMIN_PASSWORD, NODE_ENV: process.env.NODE_ENV };
  afterAll(() => {
    vi.doUnmock("@/lib/auth/users");
    Object.assign(process.env, saved);
  });

  it("creates the account from ADMIN_EMAIL / ADMIN_PASSWORD, then reports it ready", async () => {
    const first = `${prefix}-first@atelier.test`;
    const ensure = await load({ ADMIN_EMAIL: first, ADMIN_PASSWORD: "first user password" });
    expect(await ensure()).toMatch(/created/);
    expect(await ensure()).toMatch(/ready/);
    expect(await authenticate(first, "first user password")).not.toBeNull();
  });

  it("rotating ADMIN_PASSWORD rotates that account's password", async () => {
    const first = `${prefix}-first@atelier.test`;
    const ensure = await load({ ADMIN_EMAIL: first, ADMIN_PASSWORD: "rotated user password" });
    expect(await ensure()).toMatch(/password updated/);
    expect(await authenticate(first, "first user password")).toBeNull();
  });

  it.each(["production", "development"])("with no variables and no account (%s), says how to create one; no default", async (mode) => {
    const ensure = await load({ ADMIN_EMAIL: undefined, ADMIN_PASSWORD: undefined, NODE_ENV: mode }, 0);
    const message = await ensure();
    expect(message).toMatch(/no merchandiser account exists/);
    expect(message).toContain("npm run admin:create-user -- --email");
  });

  it("with only one of the two variables, warns and creates nothing", async () => {
    const ensure = await load({ ADMIN_EMAIL: `${prefix}-half@atelier.test`, ADMIN_PASSWORD: undefined });
    expect(await ensure()).toMatch(/ADMIN_PASSWORD is not/);
    expect(await (await db()).user.findUnique({ where: { email: `${prefix}-half@atelier.test` } })).toBeNull();
  });
});
