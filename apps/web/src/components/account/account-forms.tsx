"use client";

import { ChangePasswordForm, TotpEnrolment } from "@portal/ui/account-security";
import { useRouter } from "next/navigation";
import { useApiMutation } from "@/trpc/client";

function PasswordSection() {
  const change = useApiMutation((api) => api.account.changePassword.mutate);
  return <ChangePasswordForm changePassword={change.mutateAsync} />;
}

function TotpSection({ enrolled }: { enrolled: boolean }) {
  const router = useRouter();
  const start = useApiMutation((api) => api.account.startTotp.mutate);
  const confirm = useApiMutation((api) => api.account.confirmTotp.mutate);
  const remove = useApiMutation((api) => api.account.removeTotp.mutate);
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

export { PasswordSection, TotpSection };
