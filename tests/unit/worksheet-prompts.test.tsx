import fs from "node:fs";
import path from "node:path";
import { renderToStaticMarkup } from "react-dom/server";
import { afterEach, describe, expect, it, vi } from "vitest";
import { MarkdownBody } from "../../components/content/MarkdownBody";
import { PromptControls } from "../../components/worksheet/PromptField";
import { AnswerSaver, type SaveRequest } from "../../components/worksheet/answer-saver";
import type { SavedAnswer } from "../../server/schemas/worksheet";
import { resourceCreateInput } from "../../server/schemas/library";
import {
  answerText,
  canonicalPrompt,
  describePromptError,
  extractPrompts,
  findPromptBlocks,
  parsePrompt,
  validateAnswer,
  type Prompt,
} from "../../server/schemas/worksheet-prompts";
import { parseLibraryFile } from "../../server/services/library/import";

const block = (text: string) => "```prompt\n" + text + "\n```";

describe("parsePrompt", () => {
  it("reads each type with its defaults", () => {
    expect(parsePrompt("id: a\ntype: text\nlabel: What do you notice?")).toEqual({
      ok: true,
      prompt: { id: "a", type: "text", label: "What do you notice?", hint: null, rows: 4 },
    });
    expect(parsePrompt("id: s\ntype: scale\nlabel: How settled?\nminLabel: not at all\nmaxLabel: very")).toEqual({
      ok: true,
      prompt: { id: "s", type: "scale", label: "How settled?", hint: null, min: 0, max: 10, minLabel: "not at all", maxLabel: "very" },
    });
    expect(parsePrompt("id: c\ntype: multiple\nlabel: Which?\noptions:\n- One\n-  Two \n- Three")).toEqual({
      ok: true,
      prompt: { id: "c", type: "multiple", label: "Which?", hint: null, options: ["One", "Two", "Three"] },
    });
    expect(parsePrompt("id: l\ntype: list\nlabel: People\nitems: 3\nhint: Initials are fine")).toEqual({
      ok: true,
      prompt: { id: "l", type: "list", label: "People", hint: "Initials are fine", items: 3 },
    });
  });

  it.each([
    ["missing id", "type: text\nlabel: x", "id is missing"],
    ["bad id", "id: Not Ok\ntype: text\nlabel: x", 'id "Not Ok" must be'],
    ["unknown type", "id: a\ntype: essay\nlabel: x", 'unknown type "essay"'],
    ["missing type", "id: a\nlabel: x", "type is missing"],
    ["missing label", "id: a\ntype: text", "label is missing"],
    ["too few options", "id: a\ntype: single\nlabel: x\noptions:\n- only", "needs 2 to 12 options (has 1)"],
    ["no options", "id: a\ntype: single\nlabel: x", "options are missing"],
    ["duplicate option", "id: a\ntype: multiple\nlabel: x\noptions:\n- Yes\n- yes", 'option "yes" is listed twice'],
    ["inline options", "id: a\ntype: single\nlabel: x\noptions: a, b", "put each option on its own line"],
    ["scale out of range", "id: a\ntype: scale\nlabel: x\nmax: 100", "max must be between 0 and 10"],
    ["scale upside down", "id: a\ntype: scale\nlabel: x\nmin: 7\nmax: 3", "min must be smaller than max"],
    ["key for another type", "id: a\ntype: text\nlabel: x\nitems: 3", "items does not apply to type text"],
    ["unknown key", "id: a\ntype: text\nlabel: x\nonclick: alert(1)", 'unknown key "onclick"'],
    ["stray line", "id: a\ntype: text\nlabel: x\n<script>alert(1)</script>", "is not a \"key: value\" line"],
    ["repeated key", "id: a\nid: b\ntype: text\nlabel: x", "id is given twice"],
    ["label too long", `id: a\ntype: text\nlabel: ${"x".repeat(301)}`, "label is longer than 300"],
  ])("refuses %s", (_name, source, message) => {
    const result = parsePrompt(source);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.join(" | ")).toContain(message);
  });
});

describe("extractPrompts", () => {
  it("finds prompt fences only, skipping other code blocks whole", () => {
    const body = [
      "Intro",
      block("id: one\ntype: text\nlabel: First"),
      "````markdown",
      block("id: example\ntype: text\nlabel: Shown as an example"),
      "````",
      "~~~prompt",
      "id: two\ntype: scale\nlabel: Second",
      "~~~",
      "```js\nconst x = 1;\n```",
    ].join("\n");
    expect(findPromptBlocks(body)).toHaveLength(2);
    expect(extractPrompts(body).prompts.map((p) => p.id)).toEqual(["one", "two"]);
  });

  it("names duplicate ids and broken prompts as `prompt <id>: message`", () => {
    const body = [block("id: same\ntype: text\nlabel: A"), block("id: same\ntype: text\nlabel: B"), block("id: broken\ntype: nope\nlabel: C"), block("type: text")].join("\n\n");
    const { prompts, errors } = extractPrompts(body);
    expect(prompts.map((p) => p.id)).toEqual(["same"]);
    expect(errors.map(describePromptError)).toEqual([
      "prompt same: this id is used by another prompt; give each prompt its own id",
      'prompt broken: unknown type "nope" (use text, scale, single, multiple, list)',
      "prompt at line 19: id is missing",
      "prompt at line 19: label is missing",
    ]);
  });

  it("the importer rejects a file with a bad prompt, naming the file, prompt and problem", () => {
    const file = [
      "---",
      "slug: bad-prompts",
      "title: Bad prompts",
      "summary: A worksheet whose prompts are wrong.",
      "kind: WORKSHEET",
      "tags: [Self-knowledge]",
      "---",
      "",
      block("id: feelings\ntype: single\nlabel: How?\noptions:\n- Only one"),
    ].join("\n");
    const result = parseLibraryFile("bad-prompts.md", file);
    expect(result).toEqual({ ok: false, reasons: ["prompt feelings: needs 2 to 12 options (has 1)"] });
  });

  it("the editor's save refuses a body with a bad prompt", () => {
    const result = resourceCreateInput.safeParse({
      title: "Worksheet",
      summary: "A worksheet",
      kind: "WORKSHEET",
      audience: "CLIENT",
      tags: [],
      visibility: "PRIVATE",
      body: block("id: a\ntype: text"),
    });
    expect(result.success).toBe(false);
    expect(JSON.stringify(result.error?.issues)).toContain("Fix prompt a: label is missing.");
  });

  it("every prompt in the library parses, and at least 8 resources have prompts", () => {
    const folder = path.resolve(import.meta.dirname, "../../prisma/library");
    let withPrompts = 0;
    for (const name of fs.readdirSync(folder).filter((n) => n.endsWith(".md"))) {
      const result = parseLibraryFile(name, fs.readFileSync(path.join(folder, name), "utf8"));
      expect(result, name).toMatchObject({ ok: true });
      if (result.ok && extractPrompts(result.resource.body).prompts.length) withPrompts++;
    }
    expect(withPrompts).toBeGreaterThanOrEqual(8);
  });
});

describe("validateAnswer", () => {
  const scale: Prompt = { id: "s", type: "scale", label: "How?", hint: null, min: 0, max: 10, minLabel: null, maxLabel: null };
  const multiple: Prompt = { id: "m", type: "multiple", label: "Which?", hint: null, options: ["A", "B", "C"] };
  const single: Prompt = { id: "o", type: "single", label: "One?", hint: null, options: ["Yes", "No"] };
  const list: Prompt = { id: "l", type: "list", label: "List", hint: null, items: 2 };
  const text: Prompt = { id: "t", type: "text", label: "Text", hint: null, rows: 4 };

  it("accepts answers of the prompt's shape and normalises them", () => {
    expect(validateAnswer(scale, 7)).toEqual({ ok: true, value: 7 });
    expect(validateAnswer(multiple, ["C", "A"])).toEqual({ ok: true, value: ["A", "C"] });
    expect(validateAnswer(multiple, [])).toEqual({ ok: true, value: null });
    expect(validateAnswer(single, "No")).toEqual({ ok: true, value: "No" });
    expect(validateAnswer(list, [" a  b ", ""])).toEqual({ ok: true, value: ["a b", ""] });
    expect(validateAnswer(text, "   ")).toEqual({ ok: true, value: null });
    expect(validateAnswer(text, null)).toEqual({ ok: true, value: null });
  });

  it.each([
    ["text for a scale", scale, "7"],
    ["a scale value out of range", { ...scale, max: 5 } as Prompt, 6],
    ["an option that is not offered", single, "Maybe"],
    ["a repeated choice", multiple, ["A", "A"]],
    ["an unknown choice", multiple, ["D"]],
    ["too many list lines", list, ["a", "b", "c"]],
    ["a list for text", text, ["a"]],
  ])("refuses %s", (_name, prompt, value) => {
    expect(validateAnswer(prompt, value as never).ok).toBe(false);
  });

  it("writes answers as plain text", () => {
    expect(answerText(scale, 4)).toBe("4 (from 0 to 10)");
    expect(answerText(multiple, ["A", "C"])).toBe("A; C");
  });

  it("canonical text does not depend on key order (one version per wording)", () => {
    const reordered = { rows: 4, label: "Text", type: "text", id: "t", hint: null } as Prompt;
    expect(canonicalPrompt(reordered)).toBe(canonicalPrompt(text));
    expect(canonicalPrompt({ ...text, label: "Other" } as Prompt)).not.toBe(canonicalPrompt(text));
  });
});

describe("rendering prompts", () => {
  it("renders plain text before scripts run (and for print): label, options, no form fields", () => {
    const html = renderToStaticMarkup(<MarkdownBody source={block("id: c\ntype: single\nlabel: How do you feel?\noptions:\n- Calm\n- Unsettled")} />);
    expect(html).toContain("How do you feel?");
    expect(html).toContain("<li>Calm</li>");
    expect(html).not.toMatch(/<input|<textarea|<pre/);
  });

  it("renders accessible fields: a fieldset and legend for choices, a labelled textarea for text", () => {
    const choice = renderToStaticMarkup(<PromptControls prompt={{ id: "s", type: "scale", label: "How settled?", hint: null, min: 0, max: 10, minLabel: "not at all", maxLabel: "very" }} />);
    expect(choice).toMatch(/<fieldset[^>]*><legend[^>]*>How settled\?<\/legend>/);
    expect(choice.match(/type="radio"/g)).toHaveLength(11);
    expect(choice).toContain("0 means not at all, 10 means very.");
    const text = renderToStaticMarkup(<PromptControls prompt={{ id: "t", type: "text", label: "Your words", hint: null, rows: 4 }} />);
    const id = /<label for="([^"]+)"[^>]*>Your words/.exec(text)?.[1];
    expect(id).toBeTruthy();
    expect(text).toContain(`<textarea id="${id}"`);
    const list = renderToStaticMarkup(<PromptControls prompt={{ id: "l", type: "list", label: "People", hint: null, items: 2 }} />);
    expect(list).toContain('aria-label="People — 2 of 2"');
  });

  it.each([
    ["script in a label", "id: a\ntype: text\nlabel: <script>alert(1)</script>"],
    ["event handler in an option", 'id: a\ntype: single\nlabel: x\noptions:\n- <img src=x onerror="alert(1)">\n- <svg onload=alert(1)>'],
    ["javascript link in a hint", "id: a\ntype: text\nlabel: x\nhint: [click](javascript:alert(1)) <a href=javascript:alert(1)>y</a>"],
    ["markup where a key belongs", 'id: a\ntype: text\nlabel: x\n<iframe src="https://evil.example">'],
    ["a fence that breaks out", "id: a\ntype: text\nlabel: x\n```\n<script>alert(1)</script>"],
  ])("keeps hostile prompt text inert: %s", (_name, source) => {
    for (const html of [renderToStaticMarkup(<MarkdownBody source={block(source)} />), ...parsedControls(source)]) {
      expect(html).not.toMatch(/<(script|img|svg|iframe)\b/i);
      // No attribute named on…, once quoted attribute values (escaped text) are set aside.
      expect(html.replace(/="[^"]*"/g, '=""')).not.toMatch(/<[^>]*\son[a-z]+=/i);
      expect(html).not.toMatch(/href="javascript:/i);
    }
  });
});

function parsedControls(source: string): string[] {
  const parsed = parsePrompt(source);
  return parsed.ok ? [renderToStaticMarkup(<PromptControls prompt={parsed.prompt} />)] : [];
}

describe("AnswerSaver (autosave in the browser)", () => {
  afterEach(() => vi.useRealTimers());

  it("waits for a pause, sends the newest value once, and retries a failed save with the same key", async () => {
    vi.useFakeTimers();
    const requests: SaveRequest[] = [];
    let failNext = true;
    const statuses: string[] = [];
    let n = 0;
    const saver = new AnswerSaver(
      async (request) => {
        requests.push(request);
        if (failNext) {
          failNext = false;
          throw { final: false, message: "offline" };
        }
        return { promptId: request.promptId, value: request.value, revision: request.baseRevision + 1, updatedAt: new Date(), conflict: false } satisfies SavedAnswer;
      },
      (_id, state) => statuses.push(state),
      () => `key-${++n}-abcdef`,
      [],
      { saveAfter: 500, retry: [1000] },
    );
    saver.change("a", "h");
    saver.change("a", "he");
    saver.change("a", "hello");
    await vi.advanceTimersByTimeAsync(499);
    expect(requests).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(requests).toEqual([{ promptId: "a", value: "hello", key: "key-1-abcdef", baseRevision: 0 }]);
    await vi.advanceTimersByTimeAsync(1000);
    expect(requests[1]).toEqual({ promptId: "a", value: "hello", key: "key-1-abcdef", baseRevision: 0 });
    expect(statuses.at(-1)).toBe("saved");
    saver.change("a", "hello again");
    saver.flush("a");
    await vi.advanceTimersByTimeAsync(0);
    expect(requests[2]).toEqual({ promptId: "a", value: "hello again", key: "key-2-abcdef", baseRevision: 1 });
  });

  it("after a conflict, resends what is on screen on top of the newer revision", async () => {
    vi.useFakeTimers();
    const requests: SaveRequest[] = [];
    const saver = new AnswerSaver(
      async (request) => {
        requests.push(request);
        return request.baseRevision < 5
          ? { promptId: "a", value: "from another tab", revision: 5, updatedAt: new Date(), conflict: true }
          : { promptId: "a", value: request.value, revision: 6, updatedAt: new Date(), conflict: false };
      },
      () => {},
      () => crypto.randomUUID(),
      [{ promptId: "a", value: "old", revision: 2 }],
      { saveAfter: 10, retry: [10] },
    );
    saver.change("a", "mine");
    await vi.advanceTimersByTimeAsync(10);
    expect(requests.map((r) => [r.value, r.baseRevision])).toEqual([
      ["mine", 2],
      ["mine", 5],
    ]);
  });
});
