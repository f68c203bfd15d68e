import { redirect } from "next/navigation";
import { requireMerchandiser } from "@/lib/auth/current";

export default async function ConsoleHome() {
  await requireMerchandiser();
  redirect("/admin/products");
}
