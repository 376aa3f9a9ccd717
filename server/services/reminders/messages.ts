import { appLink } from "../mailer";

// Every reminder email is neutral: no reading titles, content, reflections or answers, ever.
// With discreet mode on (the default for clients) the subject and opening do not name Haven or
// therapy, so a glance at a shared inbox or a lock screen tells nothing.

export type ReminderMail = { subject: string; text: string };

const footer = () =>
  `\n\nYou can change these emails, or turn them off, under Preferences:\n${appLink("/client/preferences")}\n`;

export function newReadingMail(discreet: boolean): ReminderMail {
  return {
    subject: discreet ? "Something new is waiting for you" : "You have something new to read in Haven",
    text: `Hello,\n\nThere is something new waiting for you${discreet ? " in your reading space" : " in Haven"}, whenever suits you:\n\n${appLink("/client")}\n\nThere's no rush.${footer()}`,
  };
}

export function dueReminderMail(discreet: boolean): ReminderMail {
  return {
    subject: discreet ? "A gentle reminder" : "A gentle reminder from Haven",
    text: `Hello,\n\nSomething shared with you${discreet ? "" : " in Haven"} hasn't been opened yet. Whenever you're ready:\n\n${appLink("/client")}\n\nThere's no rush, and it's fine to take your time.${footer()}`,
  };
}

/** The therapist's own reminder; the name is left out in discreet mode. */
export function manualReminderMail(discreet: boolean, therapistName: string): ReminderMail {
  return {
    subject: discreet ? "A gentle reminder" : "A note from your practitioner",
    text: discreet
      ? `Hello,\n\nThere is something waiting for you in your reading space, whenever suits you:\n\n${appLink("/client")}\n\nThere's no rush.${footer()}`
      : `Hello,\n\n${therapistName} wanted to let you know there is something waiting for you in your reading space, whenever suits you:\n\n${appLink("/client")}\n\nThere's no rush.${footer()}`,
  };
}

export function weeklySummaryMail(discreet: boolean, waiting: number, newThisWeek: number): ReminderMail {
  const things = (n: number) => (n === 1 ? "1 thing" : `${n} things`);
  return {
    subject: discreet ? "Your weekly summary" : "Your week in Haven",
    text: `Hello,\n\nThis week: ${things(waiting)} waiting for you${newThisWeek ? `, ${newThisWeek} of them new` : ""}. Whenever suits you:\n\n${appLink("/client")}\n\nThere's no rush.${footer()}`,
  };
}

export type DigestLine = { name: string; opened: number; finished: number; unopened: number };

/** Counts and client names only — never titles, reflections, check-ins or answers. */
export function therapistDigestMail(lines: DigestLine[]): ReminderMail {
  const total = (key: "opened" | "finished" | "unopened") => lines.reduce((sum, l) => sum + l[key], 0);
  const rows = lines.map((l) => `- ${l.name}: ${l.opened} opened, ${l.finished} finished, ${l.unopened} not opened yet`).join("\n");
  return {
    subject: "Your weekly Haven digest",
    text: `Hello,\n\nLast 7 days across your clients: ${total("opened")} readings opened, ${total("finished")} finished, ${total("unopened")} not opened yet.\n\n${rows || "No activity to report."}\n\nDetails are in Haven:\n${appLink("/therapist")}\n\nYou can turn this digest off under Account.\n`,
  };
}
