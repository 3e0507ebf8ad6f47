import { can } from "@portal/domain";
import { notFound, redirect } from "next/navigation";
import { getApi, getSession } from "@/server/caller";

export const dynamic = "force-dynamic";

/** "Our organisation" for a partner: the page of the organisation they act for (staff go to the list). */
export default async function MyOrganisationPage() {
  const session = await getSession();
  if (session && can(session.user.role, "grants.view.all")) redirect("/organisations");
  const mine = await (await getApi()).organisations.mine();
  if (mine.length === 0) notFound();
  redirect(`/organisations/${mine[0]!.id}`);
}
