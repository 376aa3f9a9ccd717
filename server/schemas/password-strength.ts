// Password strength for the meters on the invite, reset and account pages, estimated by
// zxcvbn-ts (@zxcvbn-ts/core) with its common-password and English dictionaries. It guides people;
// the server's rule (newPasswordInput) is what is enforced.
//
// The dictionaries are about 1.6 MB of JavaScript (0.8 MB gzipped), so they are not in the page
// bundle: the meter calls loadPasswordDictionaries() once someone types, and until they arrive the estimate uses the
// keyboard layouts and the short list of Haven's own words below (repeats, sequences, keyboard
// runs, dates and the person's name and email are recognised either way). Nothing is downloaded
// from anywhere but this app: the dictionaries come from the npm packages, bundled as a chunk.
import { ZxcvbnFactory, type MatchExtended, type OptionsType } from "@zxcvbn-ts/core";
import adjacencyGraphs from "@zxcvbn-ts/language-common/dist/adjacencyGraphs.json.mjs";

export const MIN_PASSWORD_LENGTH = 12;

export type PasswordScore = 0 | 1 | 2 | 3 | 4;

export interface PasswordStrength {
  score: PasswordScore;
  /** One or two words: "Too short", "Weak", "Fair", "Good", "Strong". */
  label: string;
  /** The most useful next step, in plain words; null when there is nothing to add. */
  suggestion: string | null;
}

const LABELS: Record<PasswordScore, string> = { 0: "Too short", 1: "Weak", 2: "Fair", 3: "Good", 4: "Strong" };

// Words people here reach for first; always checked, with or without the big dictionaries.
const HAVEN_WORDS = ["password", "haven", "therapy", "therapist", "counselling", "counseling", "welcome", "letmein", "qwerty"];

const baseOptions: OptionsType = { graphs: adjacencyGraphs, dictionary: { haven: HAVEN_WORDS } };
let estimator = new ZxcvbnFactory(baseOptions);
let loading: Promise<void> | null = null;

/** Loads the common-password and English dictionaries (once); later estimates use them. */
export function loadPasswordDictionaries(): Promise<void> {
  loading ??= Promise.all([import("@zxcvbn-ts/language-common"), import("@zxcvbn-ts/language-en")]).then(([common, en]) => {
    estimator = new ZxcvbnFactory({
      ...baseOptions,
      dictionary: { ...common.dictionary, ...en.dictionary, haven: HAVEN_WORDS },
    });
  });
  // A chunk that failed to load (offline) is tried again the next time.
  loading.catch(() => {
    loading = null;
  });
  return loading;
}

function usesPersonalDetails(sequence: readonly MatchExtended[]): boolean {
  return sequence.some((match) => match.pattern === "dictionary" && match.dictionaryName === "userInputs" && match.token.length >= 4);
}

/** One plain sentence about the weakest part zxcvbn found, or null when nothing stands out. */
function suggestionFor(sequence: readonly MatchExtended[]): string | null {
  for (const match of sequence) {
    if (usesPersonalDetails([match])) return "Avoid your name or email address.";
  }
  for (const match of sequence) {
    switch (match.pattern) {
      case "dictionary":
        if (match.token.length >= 4 && (match.rank as number) <= 10_000) return `Avoid common words like "${String(match.matchedWord)}".`;
        break;
      case "repeat":
      case "sequence":
        return "Avoid repeated or sequential characters like aaa or 1234.";
      case "spatial":
        return "Avoid keyboard patterns like qwerty.";
      case "date":
        return "Avoid dates and years.";
    }
  }
  return null;
}

/** Scores 0–4 with a label and one suggestion. `userInputs`: the person's name and email. */
export function scorePassword(password: string, userInputs: readonly string[] = []): PasswordStrength {
  if (Array.from(password).length < MIN_PASSWORD_LENGTH) {
    return { score: 0, label: LABELS[0], suggestion: `Use at least ${MIN_PASSWORD_LENGTH} characters. A few unrelated words work well.` };
  }
  // zxcvbn's own scale: 0 and 1 are both "easy to guess" (long enough, but weak).
  const parts = userInputs
    .flatMap((input) => [input, input.replace(/\s+/g, ""), ...input.split(/[^\p{L}\p{N}]+/u)])
    .filter((part) => part.length >= 3);
  const result = estimator.check(password.slice(0, 200), parts);
  let score = Math.max(1, result.score) as PasswordScore;
  // Haven's own rule on top: someone who knows the person knows their name and email, so a password
  // built on them is at most fair, however long.
  if (usesPersonalDetails(result.sequence) && score > 2) score = 2;
  if (score === 4) return { score, label: LABELS[4], suggestion: null };
  return { score, label: LABELS[score], suggestion: suggestionFor(result.sequence) ?? "Add another word or two to make it stronger." };
}
