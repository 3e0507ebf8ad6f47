"use client";

import { ChangePasswordForm, TotpEnrolment } from "@portal/ui/account-security";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTRPC, withTRPC } from "@/trpc/client";

function PasswordSection() {
  const trpc = useTRPC();
  const change = useMutation(trpc.account.changePassword.mutationOptions());
  return <ChangePasswordForm changePassword={change.mutateAsync} />;
}

function TotpSection({ enrolled }: { enrolled: boolean }) {
  const trpc = useTRPC();
  const router = useRouter();
  const start = useMutation(trpc.account.startTotp.mutationOptions());
  const confirm = useMutation(trpc.account.confirmTotp.mutationOptions());
  const remove = useMutation(trpc.account.removeTotp.mutationOptions());
  return (
    <TotpEnrolment
      enrolled={enrolled}
      startTotp={() => start.mutateAsync()}
      confirmTotp={confirm.mutateAsync}
      removeTotp={remove.mutateAsync}
      onChanged={() => router.refresh()}
    />
  );
}

// Each control brings its own tRPC client (shared in the browser), so pages without one ship none.
const PasswordSectionWithTRPC = withTRPC(PasswordSection);
const TotpSectionWithTRPC = withTRPC(TotpSection);
export { PasswordSectionWithTRPC as PasswordSection, TotpSectionWithTRPC as TotpSection };
