import "server-only";
// Merchandiser accounts: creation (setup command, first user from the environment) and sign-in checks.
import { z } from "zod";
import { db } from "../db";
import { decoyHash, hashPassword, MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH, needsRehash, verifyPassword } from "./password";
import type { SessionUser } from "./session";

export const credentialsSchema = z.object({
  email: z.string().trim().toLowerCase().email("Enter a valid email address."),
  password: z
    .string()
    .min(MIN_PASSWORD_LENGTH, `Passwords need at least ${MIN_PASSWORD_LENGTH} characters.`)
    .max(MAX_PASSWORD_LENGTH, `Passwords may have at most ${MAX_PASSWORD_LENGTH} characters.`),
  name: z.string().trim().max(80).optional(),
});

/** Creates the account, or sets a new password (and name, if given) when the email already has one. */
export async function upsertMerchandiser(input: z.input<typeof credentialsSchema>): Promise<{ user: SessionUser; created: boolean }> {
  const { email, password, name } = credentialsSchema.parse(input);
  const client = await db();
  const passwordHash = await hashPassword(password);
  const existing = await client.user.findUnique({ where: { email }, select: { id: true } });
  const user = await client.user.upsert({
    where: { email },
    create: { email, passwordHash, name: name ?? "", role: "merchandiser" },
    update: { passwordHash, ...(name !== undefined ? { name } : {}) },
    select: { id: true, email: true, name: true },
  });
  if (existing) {
    // A password change ends every existing session of that account.
    await client.session.deleteMany({ where: { userId: user.id } });
  }
  return { user, created: !existing };
}

/** The user for these credentials, or null. Unknown emails cost the same scrypt time as wrong passwords. */
export async function authenticate(email: string, password: string): Promise<SessionUser | null> {
  const client = await db();
  const user = await client.user.findUnique({
    where: { email: email.trim().toLowerCase() },
    select: { id: true, email: true, name: true, passwordHash: true },
  });
  if (!user) {
    await verifyPassword(password, await decoyHash());
    return null;
  }
  if (!(await verifyPassword(password, user.passwordHash))) return null;
  if (needsRehash(user.passwordHash)) {
    await client.user.update({ where: { id: user.id }, data: { passwordHash: await hashPassword(password) } });
  }
  return { id: user.id, email: user.email, name: user.name };
}

export async function countMerchandisers(): Promise<number> {
  return (await db()).user.count();
}
