import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import * as common from "@zxcvbn-ts/language-common";
import * as en from "@zxcvbn-ts/language-en";
import * as fr from "@zxcvbn-ts/language-fr";

/** zxcvbn's 0-4 scale; 3 is "safely unguessable" (about 10^8 guesses and more), the usual floor for accounts. */
export const MIN_PASSWORD_SCORE = 3;

let factory: ZxcvbnFactory | undefined;

// Built on first use: the English and French dictionaries (and the common passwords list) are large, and offline.
function estimator(): ZxcvbnFactory {
  factory ??= new ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...en.dictionary, ...fr.dictionary },
    graphs: common.adjacencyGraphs,
    // Levenshtein matching costs 2-3 s of CPU per check here; exact, l33t and reversed matches are kept.
    useLevenshteinDistance: false,
  });
  return factory;
}

/** True when the password is strong enough, judged also against the person's own name and email. */
export function passwordIsStrong(password: string, userInputs: string[]): boolean {
  return estimator().check(password.slice(0, 256), userInputs).score >= MIN_PASSWORD_SCORE;
}
