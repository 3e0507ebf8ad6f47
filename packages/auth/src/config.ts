import { userIdentities, users } from "@portal/db";
import { getDb } from "@portal/db/runtime";
import { and, eq } from "drizzle-orm";
import type { NextAuthConfig } from "next-auth";
import { encode } from "next-auth/jwt";
import Credentials from "next-auth/providers/credentials";
import { auditSignIn } from "./audit";
import { authorizeCredentials } from "./credentials";
import { authEnv } from "./env";
import { cachedSessionUser, type SessionUser } from "./session-user";
import { authCookieName, servedOverHttps } from "./sessions/cookie-names";
import { checkSessionRecord, createSessionRecord, deleteSessionRecord } from "./sessions/session-records";

export type PortalApp = "web" | "admin";

declare module "next-auth" {
  interface Session {
    user: SessionUser;
  }
  interface User {
    /** Whether this sign-in proved a TOTP code. */
    secondFactor?: boolean;
  }
}

/**
 * One configuration for both apps. They run on different ports of one host and cookies ignore ports, so each app
 * has its own cookie names: signing in to the portal never signs anyone in to the admin console.
 */
export function buildAuthConfig(app: PortalApp): NextAuthConfig {
  const env = authEnv();
  const lifetime = env.sessionLifetime;
  const secure = servedOverHttps(app);
  const cookie = (name: string, httpOnly = true) => ({
    name: authCookieName(app, name),
    options: { httpOnly, sameSite: "lax" as const, path: "/", secure },
  });

  const providers: NextAuthConfig["providers"] = [
    Credentials({
      credentials: { email: {}, password: {}, code: {} },
      authorize: (credentials, request) => authorizeCredentials(getDb(), app, credentials, request),
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
    // The cookie lives as long as the session's absolute lifetime; the session row decides whether it still counts.
    session: { strategy: "jwt", maxAge: lifetime.absoluteSeconds },
    jwt: {
      // Whenever Auth.js re-encodes the token (its /api/auth/session does), the token never outlives the session.
      encode: (params) => {
        const endsAt = typeof params.token?.sessionEndsAt === "number" ? params.token.sessionEndsAt : 0;
        const remaining = Math.floor((endsAt - Date.now()) / 1000);
        return encode({ ...params, maxAge: Math.max(1, Math.min(params.maxAge ?? remaining, remaining)) });
      },
    },
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
        const db = getDb();
        if (user?.id) {
          // A new sign-in: resolve the account (OpenID Connect by its linked identity), open a session row.
          let userId = user.id;
          if (account?.provider === "oidc") {
            const [identity] = await db
              .select({ userId: userIdentities.userId })
              .from(userIdentities)
              .where(and(eq(userIdentities.provider, "oidc"), eq(userIdentities.subject, account.providerAccountId)));
            if (!identity) return null;
            userId = identity.userId;
          }
          const [row] = await db.select({ id: users.id, role: users.role }).from(users).where(eq(users.id, userId));
          if (!row) return null;
          const record = await createSessionRecord(db, {
            userId,
            app,
            secondFactor: user.secondFactor === true,
            lifetime,
          });
          await auditSignIn(db, {
            action: "session.sign_in",
            user: row,
            entityId: userId,
            detail: { app, provider: account?.provider ?? "credentials", secondFactor: user.secondFactor === true },
          });
          return { sub: userId, sid: record.id, sessionEndsAt: record.expiresAt.getTime() };
        }
        if (typeof token.sid !== "string") return null;
        const live = await checkSessionRecord(db, token.sid, app, lifetime);
        if (!live) return null;
        if (app === "admin" && (await cachedSessionUser(db, live.userId, live.authVersion))?.role !== "admin")
          return null;
        token.authVersion = live.authVersion;
        return token;
      },
      async session({ session, token }) {
        const user =
          typeof token.sub === "string" && typeof token.authVersion === "number"
            ? await cachedSessionUser(getDb(), token.sub, token.authVersion)
            : null;
        return { ...session, user: user as SessionUser };
      },
    },
    events: {
      // Signing out ends the session on the server: a copy of the cookie stops working too.
      async signOut(message) {
        const token = "token" in message ? message.token : null;
        if (!token || typeof token.sid !== "string") return;
        const db = getDb();
        await deleteSessionRecord(db, token.sid);
        const [row] =
          typeof token.sub === "string"
            ? await db.select({ id: users.id, role: users.role }).from(users).where(eq(users.id, token.sub))
            : [];
        if (row) await auditSignIn(db, { action: "session.sign_out", user: row, entityId: row.id, detail: { app } });
      },
    },
  };
}
