// Optimistic gate for the merchandiser console: a request for an /admin page without a session cookie is sent to
// the login page before anything renders. It reads the cookie only (no database): the real check runs in every
// admin page, action and API route (lib/auth/current.ts, lib/api/handler.ts), as Next's auth guide advises.
// Server-action POSTs and /api/admin are not matched: they check the session themselves, and matching them would
// make Next buffer their bodies (uploads) for the proxy.
import { NextResponse, type NextRequest } from "next/server";

const SESSION_COOKIE = "atelier_session";

export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  if (pathname === "/admin/login" || request.cookies.has(SESSION_COOKIE)) return NextResponse.next();
  const login = new URL("/admin/login", request.url);
  login.searchParams.set("next", `${pathname}${search}`);
  return NextResponse.redirect(login);
}

export const config = {
  matcher: [{ source: "/admin/:path*", missing: [{ type: "header", key: "next-action" }] }],
};
