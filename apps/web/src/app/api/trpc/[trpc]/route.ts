import { webRouter } from "@portal/api";
import { http } from "@/server/http";

const handler = http.trpc(webRouter);

export { handler as GET, handler as POST };
