import { Button } from "./button";

export function UserMenu({
  name,
  roleLabel,
  signOutLabel,
  signOutAction,
}: {
  name: string;
  roleLabel: string;
  signOutLabel: string;
  signOutAction: () => Promise<void>;
}) {
  return (
    <div className="flex items-center gap-3 text-sm">
      <span className="hidden flex-col text-right leading-tight sm:flex">
        <a href="/account" className="font-medium underline-offset-4 hover:underline" data-testid="user-name">
          {name}
        </a>
        <span className="text-xs text-muted-foreground">{roleLabel}</span>
      </span>
      <form action={signOutAction}>
        <Button type="submit" variant="outline" size="sm">
          {signOutLabel}
        </Button>
      </form>
    </div>
  );
}
