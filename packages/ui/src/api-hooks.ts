"use client";

import { useEffect, useRef, useState } from "react";

/**
 * Client components call the API through these hooks. The tRPC client and superjson (`api-transport`) are a
 * separate chunk, fetched right after a page with a control hydrates; a call made before it has arrived waits for
 * it. One client per browser tab, shared by every control on the page. Pages read through the server caller, so
 * there is no query cache to share: a form's own options are read once when it mounts.
 */
let loading: Promise<unknown> | undefined;

function loadClient(): Promise<unknown> {
  // A failed fetch (offline for a moment) is retried by the next call instead of failing every call after it.
  return (loading ??= import("./api-transport")
    .then(({ createApiClient }) => createApiClient())
    .catch((error: unknown) => {
      loading = undefined;
      throw error;
    }));
}

/** Starts fetching the client once the component has mounted (hydration is done; nothing waits for it yet). */
function usePreloadedClient() {
  useEffect(() => void loadClient().catch(() => undefined), []);
}

export interface ApiMutation<Input, Output> {
  /** Calls the procedure; resolves with its output, rejects with the TRPCClientError. */
  mutateAsync: (input: Input) => Promise<Output>;
  /** The same call for event handlers: the outcome is only in the state below. */
  mutate: (input: Input) => void;
  isPending: boolean;
  isSuccess: boolean;
  isError: boolean;
  data: Output | undefined;
  error: unknown;
}

export interface ApiQuery<Output> {
  data: Output | undefined;
  /** No answer yet. */
  isPending: boolean;
  isError: boolean;
}

type Procedure<Input, Output> = (input: Input) => Promise<Output>;

type State<Output> =
  | { status: "idle" | "pending"; data?: undefined; error?: undefined }
  | { status: "success"; data: Output; error?: undefined }
  | { status: "error"; data?: undefined; error: unknown };

/**
 * The hooks of one app, typed by its client (`TRPCClient<ItsRouter>`). `pick` names the procedure, as in
 * `useApiMutation((api) => api.grants.create.mutate)`; it is applied to the client when the call is made.
 */
export function apiHooks<Client>() {
  const call = async <Input, Output>(pick: (api: Client) => Procedure<Input, Output>, input: Input) =>
    pick((await loadClient()) as Client)(input);

  function useApiMutation<Input, Output>(pick: (api: Client) => Procedure<Input, Output>): ApiMutation<Input, Output> {
    usePreloadedClient();
    const [state, setState] = useState<State<Output>>({ status: "idle" });
    // Only the latest call's outcome is shown, as when a person submits again before the first answer.
    const latest = useRef(0);
    const mutateAsync = async (input: Input) => {
      const id = ++latest.current;
      setState({ status: "pending" });
      try {
        const data = await call(pick, input);
        if (id === latest.current) setState({ status: "success", data });
        return data;
      } catch (error) {
        if (id === latest.current) setState({ status: "error", error });
        throw error;
      }
    };
    return {
      mutateAsync,
      mutate: (input) => void mutateAsync(input).catch(() => undefined),
      isPending: state.status === "pending",
      isSuccess: state.status === "success",
      isError: state.status === "error",
      data: state.data,
      error: state.error,
    };
  }

  /**
   * Reads once when the component mounts (the forms' choice lists). A failed read is tried again three times, 1, 2
   * and 4 s apart (a network blip, a restarting server), before the form says it could not load its choices.
   */
  function useApiQuery<Output>(pick: (api: Client) => Procedure<void, Output>): ApiQuery<Output> {
    const [state, setState] = useState<State<Output>>({ status: "pending" });
    const read = useRef(pick);
    useEffect(() => {
      let current = true;
      const attempt = (retriesLeft: number, delay: number) => {
        call(read.current, undefined).then(
          (data) => current && setState({ status: "success", data }),
          (error: unknown) => {
            if (!current) return;
            if (retriesLeft > 0) setTimeout(() => current && attempt(retriesLeft - 1, delay * 2), delay);
            else setState({ status: "error", error });
          },
        );
      };
      attempt(3, 1000);
      return () => {
        current = false;
      };
    }, []);
    return { data: state.data, isPending: state.status === "pending", isError: state.status === "error" };
  }

  return { useApiMutation, useApiQuery };
}
