import { describe, expect, it, vi } from "vitest";
import { z } from "zod";
import {
  createFormStore,
  errorsFromIssues,
  FORM_ERROR,
  getAt,
  schemaValidator,
  setAt,
  shouldValidate,
  type Validate,
  withFieldErrors,
  withoutItem,
} from "./form-store";

interface Values {
  email: string;
  amount: string;
  lines: { amount: string }[];
}

const schema = z
  .object({
    email: z.string().email({ message: "Enter an email" }),
    amount: z.string().min(1, { message: "Enter an amount" }).transform(Number),
    lines: z.array(z.object({ amount: z.string().min(1, { message: "Enter a line amount" }) })),
  })
  .refine((v) => v.lines.length > 0, { path: ["lines"], message: "Add a line" });

const empty: Values = { email: "", amount: "", lines: [{ amount: "" }] };
const validate = schemaValidator(schema) as Validate<Values, z.output<typeof schema>>;
/** Lets the store's pending checks (promises) finish. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

/** An element as the store sees it: focusable, and placed in the page at `position`. */
function element(position: number, focused: number[]) {
  const el = {
    position,
    focus: () => focused.push(position),
    // DOCUMENT_POSITION_FOLLOWING (4) when `other` comes after this one, PRECEDING (2) otherwise.
    compareDocumentPosition: (other: { position: number }) => (other.position > position ? 4 : 2),
  };
  return el as unknown as HTMLElement;
}

describe("paths", () => {
  it("reads and writes nested values, copying only what is on the path", () => {
    const values = { a: { b: [{ c: "1" }, { c: "2" }] }, other: { kept: true } };
    expect(getAt(values, "a.b.1.c")).toBe("2");
    expect(getAt(values, "a.missing.c")).toBeUndefined();
    const next = setAt(values, "a.b.1.c", "3");
    expect(next.a.b).toEqual([{ c: "1" }, { c: "3" }]);
    expect(Array.isArray(next.a.b)).toBe(true);
    expect(values.a.b[1]!.c).toBe("2");
    expect(next.other).toBe(values.other);
    expect(next.a.b[0]).toBe(values.a.b[0]);
  });
});

describe("when a field is checked again", () => {
  it("follows the mode before the first submit, and every change after it", () => {
    expect(shouldValidate("onSubmit", "change", false, false)).toBe(false);
    expect(shouldValidate("onSubmit", "blur", false, true)).toBe(false);
    expect(shouldValidate("onChange", "change", false, false)).toBe(true);
    expect(shouldValidate("onChange", "blur", false, false)).toBe(false);
    expect(shouldValidate("onBlur", "blur", false, false)).toBe(true);
    expect(shouldValidate("onBlur", "change", false, true)).toBe(false);
    expect(shouldValidate("onTouched", "change", false, false)).toBe(false);
    expect(shouldValidate("onTouched", "blur", false, false)).toBe(true);
    expect(shouldValidate("onTouched", "change", false, true)).toBe(true);
    for (const mode of ["onSubmit", "onBlur", "onChange", "onTouched"] as const) {
      expect(shouldValidate(mode, "change", true, false)).toBe(true);
      expect(shouldValidate(mode, "blur", true, true)).toBe(false);
    }
  });
});

describe("errors by path", () => {
  it("keeps the first message of each path, and puts pathless ones on the form", () => {
    expect(
      errorsFromIssues([
        { path: ["lines", 0, "amount"], message: "first" },
        { path: ["lines", 0, "amount"], message: "second" },
        { path: [], message: "whole form" },
      ]),
    ).toEqual({ "lines.0.amount": "first", [FORM_ERROR]: "whole form" });
  });

  it("a check of one field refreshes it, its items and its groups, and leaves every other field alone", () => {
    const current = { email: "old", "lines.0.amount": "old line", lines: "old sum", "lines.1.amount": "kept" };
    const found = { amount: "not reached yet", lines: "new sum", "lines.0.amount.x": "deeper" };
    expect(withFieldErrors(current, found, "lines.0.amount")).toEqual({
      email: "old",
      "lines.1.amount": "kept",
      lines: "new sum",
      "lines.0.amount.x": "deeper",
    });
    // "lines.10" is not inside "lines.1".
    expect(withFieldErrors({ "lines.10.amount": "kept" }, {}, "lines.1")).toEqual({ "lines.10.amount": "kept" });
  });

  it("removing an item drops its messages and moves the later items' up", () => {
    const errors = { "lines.0.amount": "a", "lines.1.amount": "b", "lines.2.amount": "c", lines: "sum", email: "e" };
    expect(withoutItem(errors, "lines", 1)).toEqual({
      "lines.0.amount": "a",
      "lines.1.amount": "c",
      lines: "sum",
      email: "e",
    });
  });
});

describe("a form store", () => {
  it("submits the schema's output when the values pass, and nothing when they do not", async () => {
    const store = createFormStore<Values, z.output<typeof schema>>({ defaultValues: empty, validate });
    const onValid = vi.fn();
    await store.submit(onValid);
    expect(onValid).not.toHaveBeenCalled();
    expect(store.getSnapshot().errors).toEqual({
      email: "Enter an email",
      amount: "Enter an amount",
      "lines.0.amount": "Enter a line amount",
    });
    store.change("email", "a@example.org");
    store.change("amount", "12");
    store.change("lines.0.amount", "5");
    await settle();
    expect(store.getSnapshot().errors).toEqual({});
    await store.submit(onValid);
    expect(onValid).toHaveBeenCalledWith({ email: "a@example.org", amount: 12, lines: [{ amount: "5" }] });
  });

  it("is submitting while the check and the handler run, and not after", async () => {
    const store = createFormStore<Values>({ defaultValues: empty });
    let release = () => {};
    const seen: boolean[] = [];
    const done = store.submit(
      () =>
        new Promise<void>((resolve) => {
          seen.push(store.getSnapshot().isSubmitting);
          release = resolve;
        }),
    );
    await settle();
    release();
    await done;
    expect(seen).toEqual([true]);
    expect(store.getSnapshot().isSubmitting).toBe(false);
  });

  it("focuses the first field in error in the page's order, whatever order they were drawn in", async () => {
    const store = createFormStore<Values, z.output<typeof schema>>({ defaultValues: empty, validate });
    const focused: number[] = [];
    const [email, amount, line] = [element(1, focused), element(2, focused), element(3, focused)];
    store.attach("lines.0.amount", line, null);
    store.attach("amount", amount, null);
    store.attach("email", email, null);
    store.change("email", "a@example.org");
    await store.submit(() => {});
    expect(focused).toEqual([2]);
  });

  it("shows nothing before a submit in onSubmit mode, then checks the changed field on every change", async () => {
    const store = createFormStore<Values, z.output<typeof schema>>({ defaultValues: empty, validate });
    store.change("email", "nope");
    store.blur("email");
    await settle();
    expect(store.getSnapshot().errors).toEqual({});
    await store.submit(() => {});
    store.change("email", "a@example.org");
    await settle();
    expect(store.getSnapshot().errors).toEqual({ amount: "Enter an amount", "lines.0.amount": "Enter a line amount" });
  });

  it("in onTouched mode, checks a field on its first blur and on each change after", async () => {
    const store = createFormStore<Values, z.output<typeof schema>>({
      defaultValues: empty,
      validate,
      mode: "onTouched",
    });
    store.change("email", "nope");
    await settle();
    expect(store.getSnapshot().errors).toEqual({});
    store.blur("email");
    await settle();
    expect(store.getSnapshot().errors).toEqual({ email: "Enter an email" });
    store.change("email", "a@example.org");
    await settle();
    expect(store.getSnapshot().errors).toEqual({});
  });

  it("keeps only the latest answer for a field when checks finish out of order", async () => {
    const answers: ((errors: Record<string, string>) => void)[] = [];
    const slow: Validate<Values, Values> = () =>
      new Promise((resolve) => answers.push((errors) => resolve({ ok: false, errors })));
    const store = createFormStore<Values>({ defaultValues: empty, validate: slow, mode: "onChange" });
    store.change("email", "a");
    store.change("email", "a@example.org");
    answers[1]!({});
    await settle();
    answers[0]!({ email: "stale" });
    await settle();
    expect(store.getSnapshot().errors).toEqual({});
  });

  it("a server's message shows where it was put; a reset clears it and restores the defaults", () => {
    const store = createFormStore<Values, z.output<typeof schema>>({ defaultValues: empty, validate });
    store.change("email", "a@example.org");
    store.setError("email", "Already invited");
    store.setError(FORM_ERROR, "Could not save");
    expect(store.getSnapshot().errors).toEqual({ email: "Already invited", [FORM_ERROR]: "Could not save" });
    store.reset();
    expect(store.getSnapshot()).toMatchObject({ values: empty, errors: {} });
    const next = { ...empty, email: "b@example.org" };
    store.reset(next);
    store.change("email", "c@example.org");
    store.reset();
    expect(store.getSnapshot().values).toEqual(next);
  });

  it("after a submit, a list that changes shape is checked again", async () => {
    const store = createFormStore<Values, z.output<typeof schema>>({ defaultValues: empty, validate });
    store.change("email", "a@example.org");
    store.change("amount", "1");
    await store.submit(() => {});
    expect(store.getSnapshot().errors).toEqual({ "lines.0.amount": "Enter a line amount" });
    store.reshape("lines", [], withoutItem(store.getSnapshot().errors, "lines", 0));
    await settle();
    expect(store.getSnapshot().errors).toEqual({ lines: "Add a line" });
  });

  it("tells its subscribers of every change, until they leave", () => {
    const store = createFormStore<Values>({ defaultValues: empty });
    const listener = vi.fn();
    const leave = store.subscribe(listener);
    store.change("email", "a");
    leave();
    store.change("email", "b");
    expect(listener).toHaveBeenCalledOnce();
    expect(store.getSnapshot().values.email).toBe("b");
  });
});
