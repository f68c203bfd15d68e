import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { currentMerchandiser, safeReturnPath } from "@/lib/auth/current";
import { LoginForm } from "@/components/admin/login-form";

export const metadata: Metadata = { title: "Sign in · Atelier Console", robots: { index: false } };

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ next?: string | string[] }> }) {
  const { next } = await searchParams;
  const returnTo = safeReturnPath(Array.isArray(next) ? next[0] : next);
  if (await currentMerchandiser()) redirect(returnTo);
  return (
    <main className="flex min-h-dvh items-center justify-center bg-studio px-4 py-12">
      <div className="w-full max-w-sm">
        <div className="mb-8 text-center">
          <p className="font-display text-3xl tracking-tight text-ink">Atelier</p>
          <p className="mt-1 text-xs font-medium uppercase tracking-[0.2em] text-muted">Merchandiser console</p>
        </div>
        <div className="rounded-xl border border-line bg-white p-6 shadow-sm sm:p-8">
          <h1 className="mb-6 text-lg font-semibold text-ink">Sign in</h1>
          <LoginForm next={returnTo} />
        </div>
        <p className="mt-6 text-center text-xs text-muted">
          No account? Ask whoever runs this shop to create one with <code className="rounded bg-sand px-1">npm run admin:create-user</code>.
        </p>
      </div>
    </main>
  );
}
