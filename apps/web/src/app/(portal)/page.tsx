import { redirect } from "next/navigation";
import { HOME } from "@/navigation";
import { getSession } from "@/server/caller";

export default async function Home() {
  const session = await getSession();
  redirect(session ? HOME[session.user.role] : "/sign-in");
}
