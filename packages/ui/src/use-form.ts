"use client";

import { type ChangeEvent, useEffect, useRef, useState, useSyncExternalStore } from "react";
import {
  createFormStore,
  FORM_ERROR,
  getAt,
  type Mode,
  type Path,
  type PathValue,
  type Validate,
  withoutItem,
} from "./form-store";

export { FORM_ERROR, type FormErrors, type Path, type Validate } from "./form-store";
export { applyServerError, schemaValidator } from "./form-store";

type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

/*
 * A blur caused by pressing a button (the pointer went down on it) is handled once the press is over. The check it
 * starts may show a message under the field just left, and drawn during the press that message moves the button away
 * before the pointer comes up: the click is lost ("Add a co-host" pressed right after an empty co-host).
 */
let pointerDown = false;
let watching = false;
function watchPointer() {
  if (watching) return;
  watching = true;
  const up = () => (pointerDown = false);
  document.addEventListener("pointerdown", () => (pointerDown = true), true);
  document.addEventListener("pointerup", up, true);
  document.addEventListener("pointercancel", up, true);
}
function afterPress(run: () => void) {
  if (!pointerDown) return run();
  const release = () => {
    document.removeEventListener("pointerup", release, true);
    document.removeEventListener("pointercancel", release, true);
    // After the click that the release completes.
    setTimeout(run, 0);
  };
  document.addEventListener("pointerup", release, true);
  document.addEventListener("pointercancel", release, true);
}

/**
 * A form's values, errors and submit, for controlled inputs. The portal's own, in place of react-hook-form (14.6 KiB
 * of every form page's first load against this file's ~2): see ARCHITECTURE.md, "Forms". `validate` is the API's
 * own schema (through `useLazySchema`, so zod loads after hydration); without it the submit handler checks by itself.
 */
export function useForm<Values extends object, Output = Values>(options: {
  defaultValues: Values;
  mode?: Mode;
  validate?: Validate<Values, Output>;
}) {
  const [store] = useState(() => createFormStore<Values, Output>(options));
  store.setValidate(options.validate);
  const { values, errors, isSubmitting } = useSyncExternalStore(store.subscribe, store.getSnapshot, store.getSnapshot);
  useEffect(watchPointer, []);
  const blur = (name: string) => () => afterPress(() => store.blur(name));

  // One ref callback per element, kept across renders, so React does not detach and re-attach each field every time.
  const refs = useRef(new Map<string, (element: Control | null) => void>());
  const refFor = (name: string, key = name) => {
    let ref = refs.current.get(key);
    if (!ref) {
      let attached: Control | null = null;
      ref = (element) => {
        store.attach(name, element, attached);
        attached = element;
      };
      refs.current.set(key, ref);
    }
    return ref;
  };

  // Keys for the items of each list, so React keeps an item's inputs with it when one before it is removed.
  const keys = useRef(new Map<string, string[]>());
  const nextKey = useRef(0);
  const keysOf = (name: string, length: number) => {
    let list = keys.current.get(name);
    if (!list || list.length !== length) {
      list = Array.from({ length }, () => String(nextKey.current++));
      keys.current.set(name, list);
    }
    return list;
  };
  // An added item takes the focus once it is drawn, as react-hook-form's append did.
  const [added, setAdded] = useState<string | null>(null);
  useEffect(() => {
    if (added === null) return;
    store.focusFirst((name) => name.startsWith(`${added}.`));
    setAdded(null);
  }, [added, store]);

  function value<P extends Path<Values>>(name: P): PathValue<Values, P> {
    return getAt(values, name) as never;
  }

  return {
    values,
    errors,
    isSubmitting,
    /** The message at a path (a field, or a list's own: "components"), if any. */
    errorAt: (path: string): string | undefined => errors[path],
    /** The form's own message: a refusal that names no field. */
    formError: errors[FORM_ERROR],
    value,
    setValue: <P extends Path<Values>>(name: P, next: PathValue<Values, P>) => store.change(name, next),
    /** Props of a text input, select or textarea. */
    register: (name: Path<Values>) => ({
      name,
      // Text controls hold strings (numbers are typed as text and parsed by the schema).
      value: (getAt(values, name) as string | undefined) ?? "",
      onChange: (event: ChangeEvent<Control>) => store.change(name, event.target.value),
      onBlur: blur(name),
      ref: refFor(name),
    }),
    /** Props of one checkbox of a group whose value is the list of the ticked options. */
    checkbox: (name: Path<Values>, option: string) => {
      const ticked = (getAt(values, name) ?? []) as readonly string[];
      return {
        type: "checkbox" as const,
        name,
        value: option,
        checked: ticked.includes(option),
        onChange: (event: ChangeEvent<HTMLInputElement>) => {
          const current = (getAt(store.getSnapshot().values, name) ?? []) as readonly string[];
          const others = current.filter((item) => item !== option);
          store.change(name, event.target.checked ? [...others, option] : others);
        },
        onBlur: blur(name),
        ref: refFor(name, `${name}=${option}`),
      };
    },
    /** Props of one radio button of a group. */
    radio: (name: Path<Values>, option: string) => ({
      type: "radio" as const,
      name,
      value: option,
      checked: getAt(values, name) === option,
      onChange: () => store.change(name, option),
      onBlur: blur(name),
      ref: refFor(name, `${name}=${option}`),
    }),
    /** A list of items: a key for each (`fields[i].id`), and adding or removing one. */
    array: <P extends Path<Values>>(name: P) => {
      type Item = PathValue<Values, P> extends readonly (infer I)[] ? I : never;
      const items = (getAt(values, name) ?? []) as readonly Item[];
      const current = () => (getAt(store.getSnapshot().values, name) ?? []) as Item[];
      return {
        fields: keysOf(name, items.length).map((id) => ({ id })),
        append: (item: Item) => {
          const list = current();
          keys.current.set(name, [...keysOf(name, list.length), String(nextKey.current++)]);
          store.reshape(name, [...list, item]);
          setAdded(`${name}.${list.length}`);
        },
        remove: (index: number) => {
          const list = current();
          keys.current.set(
            name,
            keysOf(name, list.length).filter((_, i) => i !== index),
          );
          store.reshape(
            name,
            list.filter((_, i) => i !== index),
            withoutItem(store.getSnapshot().errors, name, index),
          );
        },
      };
    },
    setError: (path: string, message: string) => store.setError(path, message),
    /** The form's onSubmit: checks, then calls `onValid` with the checked output (and keeps the browser's GET away). */
    handleSubmit:
      (onValid: (output: Output) => unknown) =>
      (event?: { preventDefault(): void }): Promise<void> => {
        event?.preventDefault();
        return store.submit(onValid);
      },
    reset: (next?: Values) => store.reset(next),
  };
}

export type Form<Values extends object, Output = Values> = ReturnType<typeof useForm<Values, Output>>;
