import type { Metadata } from "next";
import type { ReactNode } from "react";
import { requireMerchandiser } from "@/lib/auth/current";
import { AdminHeader } from "@/components/admin/admin-header";

export const metadata: Metadata = { title: { default: "Console · Atelier", template: "%s · Atelier Console" }, robots: { index: false } };

// The shell only. Layouts do not re-run on client navigation, so every page and action checks the session itself
// too (requireMerchandiser / currentMerchandiser); this call just gives the header its user.
export default async function ConsoleLayout({ children }: { children: ReactNode }) {
  const user = await requireMerchandiser();
  return (
    <div className="min-h-dvh bg-studio text-ink">
      <AdminHeader email={user.email} />
      <main className="mx-auto max-w-6xl px-4 py-8 sm:px-6">{children}</main>
    </div>
  );
}
