import { Button } from "./button";
import type { Locale } from "./i18n";

/** A plain form so it works without JavaScript and from the keyboard; the action stores the choice in a cookie. */
export function LanguageSwitch({
  current,
  label,
  title,
  action,
}: {
  current: Locale;
  label: string;
  title: string;
  action: (formData: FormData) => Promise<void>;
}) {
  const other: Locale = current === "en" ? "fr" : "en";
  return (
    <form action={action}>
      <input type="hidden" name="locale" value={other} />
      <Button type="submit" variant="ghost" size="sm" lang={other} title={title} aria-label={title}>
        {label}
      </Button>
    </form>
  );
}
