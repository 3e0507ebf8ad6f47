import { NotFoundScreen } from "@portal/ui/not-found-screen";

/** A record or page hidden from this reader, shown inside the signed-in frame (whose `<main>` already exists). */
export default function SignedInNotFound() {
  return <NotFoundScreen inFrame />;
}
