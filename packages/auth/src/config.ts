import { userIdentities, users } from "@portal/db";
import { getDb } from "@portal/db/runtime";
import { and, eq } from "drizzle-orm";
import type { NextAuthConfig } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { authorizeCredentials } from "./credentials";
import { authEnv } from "./env";
import { loadSessionUser, type SessionUser } from "./session-user";

export type PortalApp = "web" | "admin";

declare module "next-auth" {
  interface Session {
    user: SessionUser;
  }
}

/**
 * One configuration for both apps. They run on different ports of one host and cookies ignore ports, so each app
 * has its own cookie names: signing in to the portal never signs anyone in to the admin console.
 */
export function buildAuthConfig(app: PortalApp): NextAuthConfig {
  const env = authEnv();
  const secure = (process.env.AUTH_URL ?? process.env[app === "web" ? "PORTAL_URL" : "ADMIN_URL"] ?? "").startsWith(
    "https://",
  );
  const cookie = (name: string, httpOnly = true) => ({
    name: `${secure ? "__Secure-" : ""}portal-${app}.${name}`,
    options: { httpOnly, sameSite: "lax" as const, path: "/", secure },
  });

  const providers: NextAuthConfig["providers"] = [
    Credentials({
      credentials: { email: {}, password: {} },
      authorize: (credentials) => authorizeCredentials(getDb(), app, credentials),
    }),
  ];
  if (env.oidc) {
    providers.push({
      id: "oidc",
      name: env.oidc.name,
      type: "oidc",
      issuer: env.oidc.issuer,
      clientId: env.oidc.clientId,
      clientSecret: env.oidc.clientSecret,
    });
  }

  return {
    secret: env.secret,
    trustHost: process.env.AUTH_TRUST_HOST === "true" || env.NODE_ENV !== "production",
    session: { strategy: "jwt", maxAge: 8 * 60 * 60 },
    pages: { signIn: "/sign-in", error: "/sign-in" },
    cookies: {
      sessionToken: cookie("session-token"),
      csrfToken: cookie("csrf-token"),
      callbackUrl: cookie("callback-url"),
      pkceCodeVerifier: cookie("pkce"),
      state: cookie("state"),
      nonce: cookie("nonce"),
    },
    providers,
    callbacks: {
      // OpenID Connect only signs in people the ministry has already given an account (matched by verified email).
      async signIn({ account, profile, user }) {
        if (account?.provider !== "oidc") return true;
        const email = (profile?.email ?? user.email ?? "").toLowerCase();
        if (!email || profile?.email_verified === false) return false;
        const db = getDb();
        const [existing] = await db
          .select()
          .from(users)
          .where(and(eq(users.email, email), eq(users.active, true)));
        if (!existing || (app === "admin" && existing.role !== "admin")) return false;
        await db
          .insert(userIdentities)
          .values({ provider: "oidc", subject: account.providerAccountId, userId: existing.id })
          .onConflictDoNothing();
        user.id = existing.id;
        return true;
      },
      async jwt({ token, user, account }) {
        if (user?.id) {
          token.sub = user.id;
          token.signedInAt = Date.now();
        }
        if (account?.provider === "oidc") {
          const [identity] = await getDb()
            .select({ userId: userIdentities.userId })
            .from(userIdentities)
            .where(and(eq(userIdentities.provider, "oidc"), eq(userIdentities.subject, account.providerAccountId)));
          if (identity) token.sub = identity.userId;
        }
        if (!token.sub) return null;
        const current = await loadSessionUser(
          getDb(),
          token.sub,
          typeof token.signedInAt === "number" ? token.signedInAt : undefined,
        );
        if (!current || (app === "admin" && current.role !== "admin")) return null;
        token.user = current;
        return token;
      },
      session({ session, token }) {
        return { ...session, user: token.user as SessionUser };
      },
    },
  };
}
