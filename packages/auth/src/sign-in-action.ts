import { AuthError } from "next-auth";
import { unstable_rethrow } from "next/navigation";
import { safeNextPath } from "./safe-next-path";

export { safeNextPath };

export interface SignInState {
  error: string | null;
  email: string;
}

type SignIn = (provider: string, options: Record<string, unknown>) => Promise<unknown>;

/**
 * The body of each app's sign-in server action: returns an error code for the form, or lets the success redirect
 * (thrown by Next) through.
 */
const field = (formData: FormData, name: string) => {
  const value = formData.get(name);
  return typeof value === "string" ? value : "";
};

export async function signInWithCredentials(signIn: SignIn, formData: FormData): Promise<SignInState> {
  const email = field(formData, "email");
  const redirectTo = safeNextPath(field(formData, "next"));
  try {
    await signIn("credentials", {
      email,
      password: field(formData, "password"),
      code: field(formData, "code"),
      redirectTo,
    });
    return { error: null, email };
  } catch (error) {
    // Lets Next's own control-flow errors (the redirect after a successful sign-in) through.
    unstable_rethrow(error);
    if (error instanceof AuthError) {
      const code = "code" in error && typeof error.code === "string" ? error.code : error.type;
      return { error: code, email };
    }
    throw error;
  }
}
