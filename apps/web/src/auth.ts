import { createAuth } from "@portal/auth";

export const { handlers, auth, signIn, signOut } = createAuth("web");
