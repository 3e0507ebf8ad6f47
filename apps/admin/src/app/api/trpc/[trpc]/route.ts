import { adminRouter } from "@portal/api";
import { http } from "@/server/http";

const handler = http.trpc(adminRouter);

export { handler as GET, handler as POST };
