// The console's top bar: where you are, the two sections, who is signed in, and sign out.
import Link from "next/link";
import { logout } from "@/app/admin/_actions/auth";
import { AdminNav } from "./admin-nav";
import { buttonClass } from "./form-controls";

export function AdminHeader({ email }: { email: string }) {
  return (
    <header className="border-b border-line bg-white">
      <div className="mx-auto flex h-14 max-w-6xl items-center gap-6 px-4 sm:px-6">
        <Link href="/admin/products" className="flex items-baseline gap-2 text-ink">
          <span className="font-display text-lg tracking-tight">Atelier</span>
          <span className="text-xs font-medium uppercase tracking-widest text-muted">Console</span>
        </Link>
        <AdminNav />
        <div className="ml-auto flex items-center gap-3">
          <span className="hidden text-sm text-muted sm:inline" data-testid="admin-user">{email}</span>
          <form action={logout}>
            <button type="submit" className={buttonClass("ghost", "px-3")}>Sign out</button>
          </form>
        </div>
      </div>
    </header>
  );
}
