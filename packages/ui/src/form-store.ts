/**
 * The state of one form, without React: values as typed, errors by dotted path ("components.0.amount"), what was
 * touched and submitted, and when a change or a blur checks a field again. `useForm` (./use-form) renders it; kept
 * apart so that every rule here is unit-tested in Node. Why the portal has its own: ARCHITECTURE.md, "Forms".
 */

import { type RefusalMessage, refusalOf, serverMessage } from "./server-errors";

/** A field's dotted path in a form's values: "email", "components.0.amount" (forms nest a few levels at most). */
export type Path<T, Depth extends unknown[] = []> = Depth["length"] extends 5
  ? never
  : T extends readonly (infer Item)[]
    ? `${number}` | Join<`${number}`, Path<Item, [...Depth, unknown]>>
    : T extends object
      ? { [K in keyof T & string]-?: K | Join<K, Path<T[K], [...Depth, unknown]>> }[keyof T & string]
      : never;
type Join<K extends string, P> = P extends string ? `${K}.${P}` : never;

/** The value at a path. */
export type PathValue<T, P extends string> = P extends `${infer Head}.${infer Rest}`
  ? PathValue<Step<T, Head>, Rest>
  : Step<T, P>;
type Step<T, K extends string> = T extends readonly (infer Item)[]
  ? K extends `${number}`
    ? Item
    : never
  : K extends keyof T
    ? T[K]
    : never;

/** Messages by dotted path; the form's own (a refusal that names no field) under FORM_ERROR. */
export type FormErrors = Readonly<Record<string, string>>;
export const FORM_ERROR = "root";

export type ValidationResult<Output> = { ok: true; value: Output } | { ok: false; errors: FormErrors };
/** Checks every value at once (the API's own schema, see `schemaValidator`) and turns them into what is sent. */
export type Validate<Values, Output> = (values: Values) => Promise<ValidationResult<Output>>;

/**
 * When a field is checked again before the form is submitted: "onSubmit" never, "onBlur" when it loses focus,
 * "onChange" on every change, "onTouched" on its first blur and on every change after it. Once submitted, every
 * change checks its field again (react-hook-form's modes, which the forms were written against).
 */
export type Mode = "onSubmit" | "onBlur" | "onChange" | "onTouched";

export function shouldValidate(mode: Mode, event: "change" | "blur", submitted: boolean, touched: boolean): boolean {
  if (submitted) return event === "change";
  if (mode === "onTouched") return touched || event === "blur";
  if (mode === "onBlur") return event === "blur";
  if (mode === "onChange") return event === "change";
  return false;
}

export function getAt(values: unknown, path: string): unknown {
  let node = values;
  for (const key of path.split(".")) node = (node as Record<string, unknown> | undefined)?.[key];
  return node;
}

/** A copy of `values` with `value` at `path`; only the objects and arrays along the path are copied. */
export function setAt<T>(values: T, path: string, value: unknown): T {
  const [key, ...rest] = path.split(".") as [string, ...string[]];
  const node = values as Record<string, unknown>;
  const next = rest.length === 0 ? value : setAt(node[key], rest.join("."), value);
  if (Array.isArray(node)) return (node as unknown[]).map((item, index) => (String(index) === key ? next : item)) as T;
  return { ...node, [key]: next } as T;
}

const within = (path: string, name: string) => path === name || path.startsWith(`${name}.`);

/**
 * The errors after `name` was checked again: its own and its items' messages come from `found`, and so do those of
 * the groups it belongs to ("components" when an amount changes: a sum that no longer adds up). Every other field
 * keeps what it showed, so a change never reveals errors in fields the person has not reached yet.
 */
export function withFieldErrors(current: FormErrors, found: FormErrors, name: string): FormErrors {
  const ancestors = name
    .split(".")
    .slice(0, -1)
    .map((_, index, keys) => keys.slice(0, index + 1).join("."));
  const refreshed = (path: string) => within(path, name) || ancestors.includes(path);
  const next: Record<string, string> = {};
  for (const [path, message] of Object.entries(current)) if (!refreshed(path)) next[path] = message;
  for (const [path, message] of Object.entries(found)) if (refreshed(path)) next[path] = message;
  return next;
}

/** The errors after item `index` of the list at `name` was removed: its messages go, later items' move up one. */
export function withoutItem(errors: FormErrors, name: string, index: number): FormErrors {
  const next: Record<string, string> = {};
  for (const [path, message] of Object.entries(errors)) {
    if (!path.startsWith(`${name}.`)) {
      next[path] = message;
      continue;
    }
    const [position, ...rest] = path.slice(name.length + 1).split(".");
    const at = Number(position);
    if (at === index) continue;
    next[[name, at > index ? at - 1 : at, ...rest].join(".")] = message;
  }
  return next;
}

/** What a zod error (or any Standard-Schema-like one) says, as one message per path: the first, as zod orders them. */
export function errorsFromIssues(issues: readonly { path: readonly PropertyKey[]; message: string }[]): FormErrors {
  const errors: Record<string, string> = {};
  for (const issue of issues) {
    const path = issue.path.map(String).join(".") || FORM_ERROR;
    errors[path] ??= issue.message;
  }
  return errors;
}

/** The part of a zod schema a form needs; structural, so this module stays free of zod (it loads later). */
export interface SafeParser<Output> {
  safeParseAsync(
    value: unknown,
  ): Promise<
    | { success: true; data: Output }
    | { success: false; error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] } }
  >;
}

/** A form's check through a schema: the API's own input schema, so the rules have one source of truth. */
export function schemaValidator<Output>(schema: SafeParser<Output>): Validate<unknown, Output> {
  return async (values) => {
    const result = await schema.safeParseAsync(values);
    return result.success
      ? { ok: true, value: result.data }
      : { ok: false, errors: errorsFromIssues(result.error.issues) };
  };
}

/**
 * Puts a server error where the person will look for it: on the field it names (from a DomainError's `field` or
 * zod's per-field messages), otherwise on the form as a whole (FORM_ERROR). It lives here, not in ./server-errors:
 * pages without a form import that one (for `isApiError`), and it would bring this module to them.
 */
export function applyServerError(
  error: unknown,
  setError: (path: string, message: string) => void,
  fallback: string,
  message: RefusalMessage = serverMessage,
): void {
  const refusal = refusalOf(error);
  if (!refusal) {
    setError(FORM_ERROR, fallback);
    return;
  }
  if (refusal.fieldErrors && Object.keys(refusal.fieldErrors).length > 0) {
    for (const [field, text] of Object.entries(refusal.fieldErrors)) setError(field || FORM_ERROR, text);
    return;
  }
  setError(refusal.field || FORM_ERROR, message(error, fallback));
}

export interface FormSnapshot<Values> {
  values: Values;
  errors: FormErrors;
  isSubmitting: boolean;
}

/** Node.DOCUMENT_POSITION_FOLLOWING, written out so the store also runs where there is no DOM. */
const FOLLOWING = 4;

export interface FormStoreOptions<Values, Output> {
  defaultValues: Values;
  mode?: Mode;
  validate?: Validate<Values, Output>;
}

/**
 * One form's state and its rules. Checks are asynchronous (the schema may still be loading); a check's answer is
 * kept only if nothing newer was asked of the same field meanwhile, and never after a submit or reset started.
 */
export function createFormStore<Values extends object, Output = Values>(options: FormStoreOptions<Values, Output>) {
  const mode = options.mode ?? "onSubmit";
  let validate = options.validate;
  let defaults = options.defaultValues;
  let snapshot: FormSnapshot<Values> = { values: defaults, errors: {}, isSubmitting: false };
  let submitted = false;
  let generation = 0;
  let asked = 0;
  const touched = new Set<string>();
  const latestCheck = new Map<string, number>();
  const elements = new Map<string, Set<HTMLElement>>();
  const listeners = new Set<() => void>();

  const update = (next: Partial<FormSnapshot<Values>>) => {
    snapshot = { ...snapshot, ...next };
    for (const listener of listeners) listener();
  };
  const run = (values: Values): Promise<ValidationResult<Output>> =>
    validate ? validate(values) : Promise.resolve({ ok: true, value: values as unknown as Output });

  async function check(name: string) {
    const ticket = ++asked;
    const started = generation;
    latestCheck.set(name, ticket);
    const result = await run(snapshot.values);
    if (generation !== started || latestCheck.get(name) !== ticket) return;
    update({ errors: withFieldErrors(snapshot.errors, result.ok ? {} : result.errors, name) });
  }

  /** Focuses the first of the fields `chosen` picks, in the page's order. */
  function focusFirst(chosen: (name: string) => boolean) {
    let first: HTMLElement | undefined;
    for (const [name, group] of elements) {
      if (!chosen(name)) continue;
      for (const element of group)
        if (!first || (element.compareDocumentPosition(first) & FOLLOWING) !== 0) first = element;
    }
    first?.focus();
  }

  return {
    getSnapshot: () => snapshot,
    subscribe: (listener: () => void) => {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    /** The latest check (its messages follow the reader's language, so it changes with it). */
    setValidate(next: Validate<Values, Output> | undefined) {
      validate = next;
    },
    change(name: string, value: unknown) {
      update({ values: setAt(snapshot.values, name, value) });
      if (shouldValidate(mode, "change", submitted, touched.has(name))) void check(name);
    },
    blur(name: string) {
      const wasTouched = touched.has(name);
      touched.add(name);
      if (shouldValidate(mode, "blur", submitted, wasTouched)) void check(name);
    },
    /** A list changed shape (an item added or removed): after a submit its messages are checked again. */
    reshape(name: string, values: unknown[], errors: FormErrors = snapshot.errors) {
      update({ values: setAt(snapshot.values, name, values), errors });
      if (submitted) void check(name);
    },
    setError(path: string, message: string) {
      update({ errors: { ...snapshot.errors, [path]: message } });
    },
    /** Checks everything; if it passes, hands the checked output to `onValid`, else focuses the first field in error. */
    async submit(onValid: (output: Output) => unknown) {
      generation++;
      submitted = true;
      update({ isSubmitting: true });
      try {
        const result = await run(snapshot.values);
        if (!result.ok) {
          update({ errors: result.errors });
          // The person lands on the first thing to fix.
          focusFirst((name) => Object.keys(result.errors).some((path) => within(path, name)));
          return;
        }
        update({ errors: {} });
        await onValid(result.value);
      } finally {
        update({ isSubmitting: false });
      }
    },
    /** Back to `values` (or the defaults), which become the defaults of the next reset, as a fresh form. */
    reset(values: Values = defaults) {
      defaults = values;
      generation++;
      submitted = false;
      touched.clear();
      update({ values, errors: {} });
    },
    /** Where the field's element is, so a submit can focus it (several for checkboxes that share a name). */
    attach(name: string, element: HTMLElement | null, previous: HTMLElement | null) {
      if (previous) elements.get(name)?.delete(previous);
      if (element) elements.set(name, (elements.get(name) ?? new Set()).add(element));
    },
    focusFirst,
  };
}

export type FormStore<Values extends object, Output> = ReturnType<typeof createFormStore<Values, Output>>;
