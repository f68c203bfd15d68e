// Creates a merchandiser account, or sets a new password for an existing one (ending its sessions).
// Usage: npm run admin:create-user -- --email you@example.com --password '<at least 10 characters>' [--name "Ada"]
// The password may come from ADMIN_PASSWORD instead of the command line (keeps it out of shell history).
import { parseArgs } from "node:util";
import { ZodError } from "zod";
import { upsertMerchandiser } from "../../lib/auth/users";

const { values } = parseArgs({
  options: { email: { type: "string" }, password: { type: "string" }, name: { type: "string" }, help: { type: "boolean", short: "h" } },
});

const usage = "Usage: npm run admin:create-user -- --email you@example.com --password '<at least 10 characters>' [--name \"Ada\"]";
if (values.help) {
  console.log(usage);
  process.exit(0);
}
const password = values.password ?? process.env.ADMIN_PASSWORD;
if (!values.email || !password) {
  console.error(`Both an email and a password are needed.\n${usage}`);
  process.exit(2);
}

try {
  const { user, created } = await upsertMerchandiser({ email: values.email, password, name: values.name });
  console.log(created ? `Created merchandiser ${user.email}. Sign in at /admin/login.` : `Updated the password of ${user.email}; its existing sessions were signed out.`);
  process.exit(0);
} catch (error) {
  if (error instanceof ZodError) {
    console.error(error.issues.map((i) => i.message).join("\n"));
    process.exit(2);
  }
  throw error;
}
