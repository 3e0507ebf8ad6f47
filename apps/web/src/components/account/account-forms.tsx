"use client";

import { ChangePasswordForm, TotpEnrolment } from "@portal/ui/account-security";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTRPC } from "@/trpc/client";

export function PasswordSection() {
  const trpc = useTRPC();
  const change = useMutation(trpc.account.changePassword.mutationOptions());
  return <ChangePasswordForm changePassword={change.mutateAsync} />;
}

export function TotpSection({ enrolled }: { enrolled: boolean }) {
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
