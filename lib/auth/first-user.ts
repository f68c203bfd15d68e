import "server-only";
// The first merchandiser, made at start (scripts/setup.ts) from ADMIN_EMAIL / ADMIN_PASSWORD. There is never a
// default password, in any mode: with no variables and no account, start says how to create one.
import { env } from "../env";
import { db } from "../db";
import { verifyPassword } from "./password";
import { countMerchandisers, upsertMerchandiser } from "./users";

export const CREATE_USER_HINT =
  "npm run admin:create-user -- --email you@example.com --password '<at least 10 characters>' " +
  "(or set ADMIN_EMAIL and ADMIN_PASSWORD and start again)";

/**
 * Makes sure the account named by ADMIN_EMAIL exists with ADMIN_PASSWORD (the environment is the source of truth
 * for that one account, so rotating the variable rotates the password). Returns a line for the start log.
 */
export async function ensureFirstMerchandiser(): Promise<string> {
  const { ADMIN_EMAIL: email, ADMIN_PASSWORD: password, NODE_ENV } = env();
  if (email && password) {
    const existing = await (await db()).user.findUnique({ where: { email: email.toLowerCase() }, select: { passwordHash: true } });
    if (existing && (await verifyPassword(password, existing.passwordHash))) return `merchandiser ${email}: ready`;
    const { created } = await upsertMerchandiser({ email, password });
    return created ? `merchandiser ${email}: created from ADMIN_EMAIL` : `merchandiser ${email}: password updated from ADMIN_PASSWORD`;
  }
  if (email || password) {
    return `WARNING: ${email ? "ADMIN_EMAIL is set but ADMIN_PASSWORD is not" : "ADMIN_PASSWORD is set but ADMIN_EMAIL is not"}; no account was created from them. Set both, or run ${CREATE_USER_HINT}`;
  }
  const count = await countMerchandisers();
  if (count > 0) return `merchandiser accounts: ${count}`;
  const mode = NODE_ENV === "production" ? "production mode has no default password" : "there is no default account";
  return `WARNING: no merchandiser account exists, so nobody can sign in to /admin (${mode}). Create one: ${CREATE_USER_HINT}`;
}
