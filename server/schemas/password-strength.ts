// A small, dependency-free password strength estimate for the meters on the invite, reset and
// account pages. It guides people; the server's rule (newPasswordInput) is what is enforced.

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

// Words people reach for first; finding one inside a password makes it far easier to guess.
const COMMON_WORDS = [
  "password", "passw0rd", "qwerty", "azerty", "letmein", "welcome", "iloveyou", "admin", "login",
  "monkey", "dragon", "football", "baseball", "sunshine", "princess", "master", "shadow", "haven",
  "therapy", "123456", "654321", "abc123", "111111", "000000", "asdfgh", "zxcvbn", "trustno1",
];

/** Approximate character pool size for the kinds of characters used. */
function poolSize(password: string): number {
  let pool = 0;
  if (/[a-z]/.test(password)) pool += 26;
  if (/[A-Z]/.test(password)) pool += 26;
  if (/\d/.test(password)) pool += 10;
  if (/ /.test(password)) pool += 1;
  if (/[^a-zA-Z\d ]/.test(password)) pool += 33;
  return Math.max(pool, 1);
}

/** Length where repeated ("aaaa") and sequential ("abcd", "4321") characters count for little. */
function effectiveLength(password: string): number {
  const chars = Array.from(password.toLowerCase());
  let length = 0;
  chars.forEach((char, index) => {
    const prev = chars[index - 1];
    if (prev === undefined) {
      length += 1;
      return;
    }
    const step = Math.abs((char.codePointAt(0) ?? 0) - (prev.codePointAt(0) ?? 0));
    length += step <= 1 ? 0.25 : 1;
  });
  return length;
}

/** Parts of the person's own details (name, email) worth checking for, lower-cased, ≥ 3 letters. */
function personalFragments(userInputs: readonly string[]): string[] {
  return userInputs
    .flatMap((input) => input.toLowerCase().split(/[^a-z0-9]+/))
    .filter((part) => part.length >= 3);
}

/** Scores 0–4 with a label and one suggestion. `userInputs`: the person's name and email. */
export function scorePassword(password: string, userInputs: readonly string[] = []): PasswordStrength {
  const result = (score: PasswordScore, suggestion: string | null): PasswordStrength => ({
    score,
    label: LABELS[score],
    suggestion,
  });

  if (Array.from(password).length < MIN_PASSWORD_LENGTH) {
    return result(0, `Use at least ${MIN_PASSWORD_LENGTH} characters. A few unrelated words work well.`);
  }

  const lower = password.toLowerCase();
  let length = effectiveLength(password);
  let suggestion: string | null = null;

  for (const word of COMMON_WORDS) {
    if (lower.includes(word)) {
      length -= word.length - 1;
      suggestion ??= `Avoid common words like "${word}".`;
    }
  }
  for (const part of personalFragments(userInputs)) {
    if (lower.includes(part)) {
      length -= part.length - 1;
      suggestion ??= "Avoid your name or email address.";
    }
  }
  if (length < Array.from(password).length * 0.6) {
    suggestion ??= "Avoid repeated or sequential characters like aaa or 1234.";
  }

  const uniqueChars = new Set(lower).size;
  const bits = Math.max(length, 0) * Math.log2(poolSize(password));
  let score: PasswordScore = bits < 40 ? 1 : bits < 60 ? 2 : bits < 80 ? 3 : 4;
  // However long, a handful of distinct characters is easy to guess.
  if (uniqueChars <= 4 && score > 1) score = 1;

  if (score < 4) suggestion ??= "Add another word or two to make it stronger.";
  return result(score, score === 4 ? null : suggestion);
}
