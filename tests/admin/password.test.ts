// Password hashing: format, verification, tamper resistance, rehash policy.
import { describe, expect, it } from "vitest";
import { hashPassword, needsRehash, SCRYPT_PARAMS, verifyPassword } from "@/lib/auth/password";

describe("password hashing", () => {
  it("stores scrypt$N$r$p$salt$hash and verifies the right password only", async () => {
    const hash = await hashPassword("correct horse battery");
    expect(hash).toMatch(/^scrypt\$32768\$8\$1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{86}$/);
    expect(await verifyPassword("correct horse battery", hash)).toBe(true);
    expect(await verifyPassword("correct horse batterY", hash)).toBe(false);
    expect(await verifyPassword("", hash)).toBe(false);
  });

  it("salts every hash", async () => {
    const [a, b] = await Promise.all([hashPassword("same password!"), hashPassword("same password!")]);
    expect(a).not.toBe(b);
  });

  it("refuses passwords that are too short", async () => {
    await expect(hashPassword("short")).rejects.toThrow(/at least 10/);
  });

  it.each([
    ["not a hash", "plaintext"],
    ["wrong scheme", "bcrypt$10$8$1$c2FsdHNhbHQ$aGFzaA"],
    ["N not a power of two", "scrypt$1000$8$1$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaA"],
    ["N absurdly large", "scrypt$1073741824$8$1$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaA"],
    ["missing part", "scrypt$32768$8$1$c2FsdHNhbHRzYWx0"],
  ])("never verifies a malformed stored hash (%s)", async (_name, stored) => {
    expect(await verifyPassword("whatever password", stored)).toBe(false);
  });

  it("flags hashes made with weaker parameters for upgrade", async () => {
    const weak = await hashPassword("upgrade me please", { N: 1024, r: 8, p: 1 });
    expect(await verifyPassword("upgrade me please", weak)).toBe(true);
    expect(needsRehash(weak)).toBe(true);
    expect(needsRehash(await hashPassword("upgrade me please", SCRYPT_PARAMS))).toBe(false);
  });
});
