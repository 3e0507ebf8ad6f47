import { NotFoundScreen } from "@portal/ui/not-found-screen";

export default function NotFound() {
  return <NotFoundScreen />;
}
