import { apiSecurityHeaders } from "@portal/auth/security-headers";
import type { Database } from "@portal/db";
import type { AnyRouter } from "@trpc/server";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import type { Actor } from "../actor";
import { createContext, type SessionLike } from "../context";
import { REQUEST_ID_HEADER, requestIdOf } from "../observability";
import type { Context } from "../trpc";
import { bufferedWithin, withBodyLimit } from "./body-limit";
import { refusal } from "../errors";
import { errorResponse, refusalResponse } from "./responses";
import { inReaderLocale } from "../reader-locale";
import { isCrossSiteWrite } from "./same-origin";
import { databaseReachable, unavailableResponse } from "../availability";

/** tRPC bodies are forms and filters: a megabyte is far above the largest (a grant with fifty components). */
export const MAX_TRPC_BODY_BYTES = 1024 * 1024;
/** Route handlers that take no upload read at most this much. */
export const DEFAULT_ROUTE_BODY_BYTES = 64 * 1024;

export interface RouteKitOptions {
  /** The app's session for this request (Auth.js `auth()`), already re-read from the database by the auth layer. */
  session: () => Promise<SessionLike | null>;
  /** The reader's language for this request (the locale cookie, then Accept-Language). */
  locale: (request: Request) => Promise<"en" | "fr"> | "en" | "fr";
  /** The admin console's route handlers admit admins only, even outside the admin router. */
  audience: "web" | "admin";
  /** The database; the process's pool unless a test passes its own. */
  database?: () => Database;
}

/** What a route handler gets: the database, who is asking (never null unless the route is public), and the URL. */
export interface RouteRequest<Params> {
  request: Request;
  url: URL;
  params: Params;
  ctx: Context & { actor: Actor };
}

interface RouteOptions {
  /** Names the route in the log. */
  name: string;
  /** Cap on the request body (uploads raise it); applied while reading, before the body is whole in memory. */
  maxBodyBytes?: number;
}

type NextRouteContext<Params> = { params: Promise<Params> };

const SIGN_IN = { web: "signIn", admin: "signInAsAdmin" } as const;

/** The security headers on what a route answers; a header the route chose itself (a download's cache rule) stays. */
function secured(request: Request, response: Response): Response {
  for (const [name, value] of Object.entries(apiSecurityHeaders(request))) {
    if (!response.headers.has(name)) response.headers.set(name, value);
  }
  return response;
}

/**
 * The one HTTP layer of an app: tRPC and route handlers alike get a request id (in the response header, the log and
 * the audit events), the reader's language, the actor from the session, a same-origin check on every state-changing
 * request, a body cap, one mapping from errors to responses, a 503 while the database is unreachable, and the
 * security headers (API routes skip the proxy: see apps' proxy.ts). An app's route files are one call each.
 */
export function createRouteKit(options: RouteKitOptions) {
  async function begin(request: Request) {
    const requestId = requestIdOf(request.headers);
    const locale = await options.locale(request);
    return { requestId, locale };
  }

  /** Answers behind the database gate, with the security headers on whatever the route answers. */
  async function guarded(request: Request, answer: () => Promise<Response>): Promise<Response> {
    // A session cannot be read without the database: without the gate the reader would be told to sign in.
    if (!(await databaseReachable(options.database?.()))) return secured(request, unavailableResponse("api"));
    return secured(request, await answer());
  }

  async function contextFor(requestId: string, locale: "en" | "fr"): Promise<Context> {
    const ctx = createContext(await options.session(), locale, requestId, options.database?.());
    if (options.audience === "admin" && ctx.actor?.role !== "admin") return { ...ctx, actor: null };
    return ctx;
  }

  function crossSite(requestId: string, locale: "en" | "fr"): Response {
    return refusalResponse({ requestId, locale }, refusal("FORBIDDEN", "crossSiteRefused", {}, "origin"));
  }

  /** `/api/trpc/[trpc]`: GET for queries, POST for mutations (and batches). */
  function trpc(router: AnyRouter, endpoint = "/api/trpc") {
    return (request: Request): Promise<Response> =>
      guarded(request, async () => {
        const { requestId, locale } = await begin(request);
        if (isCrossSiteWrite(request)) return crossSite(requestId, locale);
        let capped: Request;
        try {
          capped = await bufferedWithin(request, MAX_TRPC_BODY_BYTES);
        } catch (error) {
          return errorResponse(error, { requestId, locale, route: endpoint });
        }
        const ctx = await contextFor(requestId, locale);
        const response = await fetchRequestHandler({
          endpoint,
          req: capped,
          router,
          createContext: () => ctx,
          responseMeta: () => ({ headers: { [REQUEST_ID_HEADER]: requestId } }),
        });
        return response;
      });
  }

  /** Runs a handler with the layer's checks (same origin, body cap, request id, error mapping) around it. */
  function handled<Params>(
    routeOptions: RouteOptions,
    handle: (input: {
      request: Request;
      url: URL;
      params: Params;
      ctx: Context;
      requestId: string;
    }) => Promise<Response>,
  ) {
    return (request: Request, next?: NextRouteContext<Params>): Promise<Response> =>
      guarded(request, async () => {
        const { requestId, locale } = await begin(request);
        try {
          if (isCrossSiteWrite(request)) return crossSite(requestId, locale);
          const capped = withBodyLimit(request, routeOptions.maxBodyBytes ?? DEFAULT_ROUTE_BODY_BYTES);
          const ctx = await contextFor(requestId, locale);
          const params = ((await next?.params) ?? {}) as Params;
          const response = await inReaderLocale(locale, () =>
            handle({ request: capped, url: new URL(request.url), params, ctx, requestId }),
          );
          response.headers.set(REQUEST_ID_HEADER, requestId);
          return response;
        } catch (error) {
          return errorResponse(error, { requestId, locale, route: routeOptions.name });
        }
      });
  }

  /** A route handler for signed-in readers (401 otherwise), with the layer's checks and error mapping around it. */
  function route<Params = Record<string, never>>(
    handle: (input: RouteRequest<Params>) => Promise<Response>,
    routeOptions: RouteOptions,
  ) {
    return handled<Params>(routeOptions, async ({ ctx, requestId, ...input }) => {
      if (!ctx.actor)
        return refusalResponse(
          { requestId, locale: ctx.locale },
          refusal("UNAUTHENTICATED", SIGN_IN[options.audience]),
        );
      return handle({ ...input, ctx: { ...ctx, actor: ctx.actor } });
    });
  }

  /** A route handler anyone may call, signed in or not (the published IATI files): the same checks, no actor needed. */
  function publicRoute<Params = Record<string, never>>(
    handle: (input: { request: Request; url: URL; params: Params; ctx: Context }) => Promise<Response>,
    routeOptions: RouteOptions,
  ) {
    return handled<Params>(routeOptions, handle);
  }

  return { trpc, route, publicRoute };
}
