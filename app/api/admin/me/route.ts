import { apiRoute } from "@/lib/api/handler";
import { unauthorized } from "@/lib/api/errors";
import { sessionUserFromRequest } from "@/lib/auth/session";

// Who is signed in: lets scripts and tests check a session cookie. 401 when anonymous (via the admin wrapper).
export const GET = apiRoute({ admin: true }, async ({ request }) => {
  const user = await sessionUserFromRequest(request);
  if (!user) throw unauthorized();
  return { user };
});
